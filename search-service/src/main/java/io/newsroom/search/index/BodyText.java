package io.newsroom.search.index;

import org.jsoup.parser.Parser;

/**
 * The article body arrives as sanitized HTML; search, highlighting and more-like-this work on its
 * text. Tags become spaces so words either side of {@code </p><p>} do not run together. The HTML is
 * already sanitized by article-service (well-formed, no scripts, comments or raw {@code <} in text),
 * so stripping tags needs no parser: one pass over the characters, which matters in a rebuild (two
 * regular expressions here were the largest CPU cost of replaying the topic). Entities are decoded by
 * jsoup, because the sanitizer writes numeric ones ({@code &#34;}, {@code &#39;}, {@code &#64;}) as
 * well as named ones.
 */
final class BodyText {

    private BodyText() {
    }

    static String plain(String html) {
        StringBuilder text = new StringBuilder(html.length());
        boolean inTag = false;
        boolean space = true; // drops leading whitespace and collapses runs to one space
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (inTag) {
                inTag = c != '>';
            } else if (c == '<') {
                inTag = true;
                space = appendSpace(text, space);
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
                space = appendSpace(text, space);
            } else {
                text.append(c);
                space = false;
            }
        }
        String plain = text.toString().strip();
        return plain.indexOf('&') < 0 ? plain : Parser.unescapeEntities(plain, false).replace('\u00A0', ' ');
    }

    private static boolean appendSpace(StringBuilder text, boolean alreadySpace) {
        if (!alreadySpace) {
            text.append(' ');
        }
        return true;
    }
}
