package io.newsroom.article.editorial;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Reduces an article body to the newsroom's safe subset: paragraphs, subheads, quotes, lists,
 * emphasis and http(s)/mailto links. Scripts, event handlers, styles and javascript: URLs never
 * survive, so readers' browsers can render the stored body as is.
 */
@Component
public class BodySanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "em", "strong", "i", "b", "q", "cite")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols() // http, https, mailto
            .requireRelsOnLinks("noopener", "nofollow")
            .toFactory();

    public String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
