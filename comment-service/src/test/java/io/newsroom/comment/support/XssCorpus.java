package io.newsroom.comment.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The XSS payloads (src/test/resources/xss/payloads.txt) and what "not executable" means for our HTML. */
public final class XssCorpus {

    private static final Set<String> ALLOWED_TAGS = Set.of("html", "head", "body", "a", "br");

    private XssCorpus() {
    }

    public static List<String> payloads() {
        try (InputStream in = XssCorpus.class.getResourceAsStream("/xss/payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses the HTML as a browser would and checks it can do nothing but show text and plain
     * http(s) links: only {@code a} and {@code br} elements, {@code a} with only {@code href} and
     * {@code rel="nofollow ugc"}, no event handler, no {@code javascript:}/{@code data:} URL; and the
     * text a reader sees is exactly the text that was posted.
     */
    public static void assertInert(String html, String posted) {
        var body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            assertThat(ALLOWED_TAGS).as("element <%s> in %s", element.tagName(), html).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).doesNotStartWith("on").isIn("href", "rel");
            }
            if (element.tagName().equals("a")) {
                String href = element.attr("href").toLowerCase(Locale.ROOT);
                assertThat(href).as("link in %s", html).matches("https?://.+");
                // The scheme decides what a link does: "http://x/javascript:..." is only a path.
                assertThat(href).doesNotStartWith("javascript:").doesNotStartWith("data:");
                assertThat(element.attr("rel")).isEqualTo("nofollow ugc");
            }
        }
        assertThat(body.wholeText().replace("\n", "")).as("text shown for %s", html)
                .isEqualTo(posted.replace("\n", ""));
    }
}
