package io.newsroom.article.demo;

import io.newsroom.article.Api;
import io.newsroom.article.editorial.Articles;
import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.PostgresInfra;
import io.newsroom.infra.spring.SecurityInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo corpus goes in through the editorial code, once. Reads the repository's fixtures/. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsroom.demo.enabled=true",
        "management.server.port=0",
        "newsroom.demo.fixtures=../fixtures"})
@Import({PostgresInfra.class, KafkaInfra.class, SecurityInfra.class})
class DemoContentIT {

    @LocalServerPort
    int port;
    @Autowired
    Articles articles;
    @Autowired
    DemoContent demoContent;

    @Test
    void importsTheSeedPageAndWikinewsOnce() throws Exception {
        Path fixtures = Path.of("../fixtures");
        long wikinews;
        try (var lines = Files.lines(fixtures.resolve("wikinews/news.jsonl"))) {
            wikinews = lines.filter(line -> !line.isBlank()).count();
        }
        long imported = articles.count();
        assertThat(imported).isGreaterThan(wikinews);

        var api = new Api(port);
        JsonNode mustRead = api.get("/articles/must-read").json().get("items");
        assertThat(mustRead.get(0).get("headline").asString())
                .isEqualTo("Israel Rebuffs Calls for Ceasefire Amid Ongoing Military Campaign Against Hezbollah");
        JsonNode seed = api.get("/articles/" + mustRead.get(0).get("slug").asString()).json();
        assertThat(seed.get("dateline").get("place").asString()).isEqualTo("Jerusalem");
        assertThat(seed.get("publishedAt").asString()).isEqualTo("2024-11-21T08:00:00Z");

        JsonNode submarine = api.get("/articles/chinese-submarine-enters-japanese-waters").json();
        assertThat(submarine.get("publishedAt").asString()).isEqualTo("2004-11-18T00:00:00Z");
        assertThat(submarine.get("body").asString()).contains("Wikinews", "CC BY 2.5", "https://en.wikinews.org/");

        // A second run finds articles and imports nothing.
        demoContent.run(new DefaultApplicationArguments());
        assertThat(articles.count()).isEqualTo(imported);
    }
}
