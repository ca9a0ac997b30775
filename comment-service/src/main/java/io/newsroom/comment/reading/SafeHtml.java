package io.newsroom.comment.reading;

import org.owasp.encoder.Encode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a plain-text comment as HTML that is safe to insert as is: every character of the text is
 * HTML-encoded (OWASP Java Encoder), line breaks become {@code <br>}, and http(s) URLs become links
 * with {@code rel="nofollow ugc"}. Only links are generated, and only for http and https, so no
 * markup, script, event handler or {@code javascript:}/{@code data:} URL can come from the text.
 */
public final class SafeHtml {

    /** An http(s) URL up to whitespace or a character that cannot be part of one in running text. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    /** Sentence punctuation after a URL belongs to the sentence, not the link. */
    private static final String TRAILING = ".,;:!?)]}";

    private SafeHtml() {
    }

    public static String render(String text) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher m = URL.matcher(text);
        int done = 0;
        while (m.find()) {
            String url = trimTrailing(m.group());
            if (url.length() <= url.indexOf("://") + 3) {
                continue;
            }
            appendText(html, text.substring(done, m.start()));
            html.append("<a href=\"").append(Encode.forHtmlAttribute(url)).append("\" rel=\"nofollow ugc\">")
                    .append(Encode.forHtml(url)).append("</a>");
            done = m.start() + url.length();
        }
        appendText(html, text.substring(done));
        return html.toString();
    }

    private static void appendText(StringBuilder html, String text) {
        html.append(Encode.forHtml(text).replace("\n", "<br>\n"));
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
