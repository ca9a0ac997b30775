package io.newsroom.article.editorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodySanitizerTest {

    private final BodySanitizer sanitizer = new BodySanitizer();

    @Test
    void keepsTheNewsroomMarkup() {
        String body = "<h2>Background</h2><p>Talks <em>resumed</em> on <strong>Monday</strong>.</p>"
                + "<blockquote>We want peace</blockquote><ul><li>one</li></ul><ol><li>two</li></ol>"
                + "<p><a href=\"https://example.org/report\">the report</a></p>";
        String clean = sanitizer.sanitize(body);
        assertThat(clean).contains("<h2>Background</h2>", "<em>resumed</em>", "<strong>Monday</strong>",
                "<blockquote>We want peace</blockquote>", "<ul><li>one</li></ul>", "<ol><li>two</li></ol>",
                "href=\"https://example.org/report\"", "rel=\"noopener nofollow\"");
    }

    @Test
    void stripsScripts() {
        String clean = sanitizer.sanitize("<p>Hi</p><script>alert(document.cookie)</script>");
        assertThat(clean).isEqualTo("<p>Hi</p>").doesNotContain("script", "alert");
    }

    @Test
    void stripsEventHandlersAndStyles() {
        String clean = sanitizer.sanitize("<p onclick=\"steal()\" style=\"color:red\">Text</p><img src=x onerror=alert(1)>");
        assertThat(clean).isEqualTo("<p>Text</p>");
    }

    @Test
    void stripsJavascriptUrls() {
        String clean = sanitizer.sanitize("<a href=\"javascript:alert(1)\">click</a> <a href=\"JaVaScRiPt:alert(1)\">again</a>");
        assertThat(clean).doesNotContainIgnoringCase("javascript").doesNotContain("href").contains("click", "again");
    }

    @Test
    void stripsIframesAndForms() {
        assertThat(sanitizer.sanitize("<iframe src=\"https://evil\"></iframe><form><input name=q></form><p>ok</p>"))
                .isEqualTo("<p>ok</p>");
    }
}
