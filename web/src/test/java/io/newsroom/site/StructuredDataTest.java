package io.newsroom.site;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.node.NodeTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article page's structured data as a parser reads it, not as the template meant it: structured-data-testing-tool
 * (npm, pinned in {@code src/test/structured-data/package-lock.json}) extracts JSON-LD, microdata and meta tags with
 * web-auto-extractor and runs its Google (NewsArticle: headline, author, datePublished, image, publisher ...), Twitter
 * card and Facebook OpenGraph presets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=-1")
class StructuredDataTest {

    @RegisterExtension
    static final StubGateway STUB = new StubGateway(0);
    static Path checker;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("newsroom.site.gateway-url", STUB::url);
        registry.add("newsroom.site.public-url", () -> "https://news.example");
        registry.add("newsroom.site.twitter-handle", () -> "@newsroom_desk");
    }

    @BeforeAll
    static void installTheChecker() {
        checker = NodeTools.install(Path.of("src/test/structured-data"), Path.of("target/structured-data"));
    }

    @LocalServerPort
    int port;

    @Test
    void theArticlePagePassesGoogleTwitterAndFacebookStructuredDataChecksAsANewsArticle() throws Exception {
        JsonNode report = check("/articles/" + StubGateway.SLUG, "NewsArticle");

        assertThat(report.get("schemas").valueStream().map(JsonNode::asString)).contains("NewsArticle");
        assertThat(report.get("passed").asInt()).as("tests the presets ran").isGreaterThan(20);
        JsonNode article = report.get("jsonld").get("NewsArticle").get(0);
        assertThat(article.get("headline").asString()).startsWith("Israel Rebuffs");
        assertThat(article.get("publisher").get("name").asString()).isEqualTo("Newsroom");
        // the language and the publication's account: warnings of the Facebook and Twitter presets without them
        assertThat(report.get("warnings").valueStream().map(JsonNode::asString))
                .noneMatch(test -> test.contains("og:locale") || test.contains("twitter:site"));
        System.out.println("structured data warnings left: " + report.get("warnings"));
    }

    @Test
    void aPageWithoutAPictureOfItsOwnSharesTheSiteCard() throws Exception {
        // the home page, as a demo article without a hero image: a share card needs an image and its alt text
        JsonNode report = check("/", null);

        assertThat(report.get("passed").asInt()).as("tests the presets ran").isGreaterThan(10);
    }

    /** The page through the parser and the presets; fails the test on any failed check. */
    private JsonNode check(String path, String schema) throws Exception {
        String html = HttpTestClient.to("http://localhost:" + port).get(path).body();
        Path page = Files.writeString(Files.createTempFile(checker, "page", ".html"), html);
        List<String> command = new ArrayList<>(List.of("node", "check.js", page.toAbsolutePath().toString()));
        if (schema != null) {
            command.add(schema);
        }
        NodeTools.Result result = NodeTools.run(checker, Duration.ofMinutes(1), command.toArray(String[]::new));
        JsonNode report = JsonMapper.builder().build().readTree(NodeTools.lines(result.stdout()).getLast());
        assertThat(report.get("failed")).as(path + ": " + result.stdout() + result.stderr()).isEmpty();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return report;
    }
}
