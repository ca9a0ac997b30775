package io.newsroom.site.html;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * HTML that came from the API is sanitized again here before it is written into a page: the services sanitize
 * too, but the site trusts no upstream with markup in its own origin.
 */
public final class Html {

    /** Article bodies: paragraphs, subheads, quotes, lists, emphasis, links (http, https, mailto). */
    private static final PolicyFactory BODY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("figure", "figcaption", "hr", "br").toFactory());

    /** Comments: the API's encoded text with line breaks and nofollow links. */
    private static final PolicyFactory COMMENT = new HtmlPolicyBuilder()
            .allowElements("br", "a", "p")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    /** Search snippets: Elasticsearch's {@code <mark>} and nothing else. */
    private static final PolicyFactory MARK_ONLY = new HtmlPolicyBuilder().allowElements("mark").toFactory();

    private Html() {
    }

    public static String body(String html) {
        return html == null ? "" : BODY.sanitize(html);
    }

    public static String comment(String html) {
        return html == null ? "" : COMMENT.sanitize(html);
    }

    public static String highlight(String html) {
        return html == null ? "" : MARK_ONLY.sanitize(html);
    }

    /** Visible text of sanitized HTML, for descriptions. */
    public static String text(String html) {
        if (html == null) {
            return "";
        }
        String stripped = new HtmlPolicyBuilder().toFactory().sanitize(html);
        return stripped.replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
