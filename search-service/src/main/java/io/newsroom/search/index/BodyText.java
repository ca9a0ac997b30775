package io.newsroom.search.index;

import java.util.regex.Pattern;

/**
 * The article body arrives as sanitized HTML; search, highlighting and more-like-this work on its
 * text. Tags become spaces so words either side of {@code </p><p>} do not run together. The HTML is
 * already sanitized by article-service, so a simple tag strip is enough here (no parser needed).
 */
final class BodyText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private BodyText() {
    }

    static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
