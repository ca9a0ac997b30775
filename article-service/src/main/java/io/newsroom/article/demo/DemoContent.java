package io.newsroom.article.demo;

import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleCopy;
import io.newsroom.article.editorial.ArticleCopy.BylineCopy;
import io.newsroom.article.editorial.ArticleCopy.DatelineCopy;
import io.newsroom.article.editorial.Articles;
import io.newsroom.article.editorial.Editorial;
import io.newsroom.article.mustread.MustRead;
import io.newsroom.events.EventJson;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills an empty database with demo content through the normal editorial code, so the events go
 * out as for any publication: the seed page's article (a Must Read pick) and its Latest News
 * teasers, plus the Wikinews corpus with its original publication dates. Enabled by
 * {@code newsroom.demo.enabled=true}; {@code newsroom.demo.fixtures} is the fixtures directory.
 * Wikinews text is CC BY 2.5 (or public domain before 2005-09-25): each body ends with its attribution.
 */
@Component
@ConditionalOnProperty(name = "newsroom.demo.enabled", havingValue = "true")
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    private static final String EDITOR = "demo-loader";

    /** Wikinews categories to our sections; everything else is world news. */
    private static final Map<String, String> SECTIONS = Map.of(
            "Politics and conflicts", "politics",
            "Science and technology", "science",
            "Crime and law", "crime",
            "Economy and business", "business");

    private static final Map<String, String> ZONES = Map.of("Jerusalem", "Asia/Jerusalem");

    private final Editorial editorial;
    private final MustRead mustRead;
    private final Articles articles;
    private final Clock clock;
    private final Path fixtures;
    private final Validator validator;

    DemoContent(Editorial editorial, MustRead mustRead, Articles articles, Clock clock,
                @Value("${newsroom.demo.fixtures}") String fixtures, Validator validator) {
        this.editorial = editorial;
        this.mustRead = mustRead;
        this.articles = articles;
        this.clock = clock;
        // A plain file path (relative to the working directory), not a Spring resource location.
        this.fixtures = Path.of(fixtures);
        this.validator = validator;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (articles.count() > 0) {
            log.info("Demo content: the database already has articles, nothing imported");
            return;
        }
        var page = EventJson.mapper().readValue(fixtures.resolve("seed-page.json").toFile(), SeedPage.class);
        List<WikinewsArticle> wikinews;
        try (var lines = Files.lines(fixtures.resolve("wikinews/news.jsonl"))) {
            wikinews = lines.filter(line -> !line.isBlank())
                    .map(line -> EventJson.mapper().readValue(line, WikinewsArticle.class))
                    .sorted(Comparator.comparing(WikinewsArticle::publishedAt))
                    .toList();
        }
        // Every copy is built and validated before the first is written: a bad fixture imports nothing.
        var seedCopies = page.all().stream().map(SeedArticle::toCopy).map(this::valid).toList();
        var wikinewsCopies = wikinews.stream().map(WikinewsArticle::toCopy).map(this::valid).toList();

        var picks = new ArrayList<MustRead.Pick>();
        for (int i = 0; i < seedCopies.size(); i++) {
            SeedArticle seed = page.all().get(i);
            Article article = editorial.importPublished(seedCopies.get(i), seed.publishedAt(), EDITOR);
            if (seed.mustRead()) {
                picks.add(new MustRead.Pick(article.id(), clock.instant().plus(Duration.ofDays(365))));
            }
        }
        for (int i = 0; i < wikinewsCopies.size(); i++) {
            editorial.importPublished(wikinewsCopies.get(i), wikinews.get(i).publishedAt(), EDITOR);
        }
        mustRead.replace(picks, EDITOR);
        log.info("Demo content: imported {} seed and {} Wikinews articles, {} Must Read picks",
                page.all().size(), wikinews.size(), picks.size());
    }

    private ArticleCopy valid(ArticleCopy copy) {
        var violations = validator.validate(copy);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Fixture '" + copy.headline() + "' is invalid: " + violations);
        }
        return copy;
    }

    static String paragraphs(List<String> paragraphs) {
        return paragraphs.stream().map(p -> "<p>" + HtmlUtils.htmlEscape(p.strip()) + "</p>").collect(Collectors.joining("\n"));
    }

    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > 0 ? cut : max - 1) + "…";
    }

    record SeedPage(SeedArticle article, List<SeedArticle> latestNews) {

        List<SeedArticle> all() {
            var all = new ArrayList<SeedArticle>();
            all.add(article);
            if (latestNews != null) {
                all.addAll(latestNews);
            }
            return all;
        }
    }

    record SeedArticle(String headline, String standfirst, String dateline, String section, List<String> tags,
                       boolean mustRead, Instant publishedAt, List<String> bodyParagraphs) {

        ArticleCopy toCopy() {
            String place = dateline != null ? dateline : "International desk";
            return new ArticleCopy(clip(headline, 200), clip(standfirst, 500),
                    new DatelineCopy(place, ZONES.getOrDefault(place, "UTC")),
                    List.of(new BylineCopy("Newsroom Staff", null)),
                    paragraphs(bodyParagraphs == null ? List.of() : bodyParagraphs), section, tags, null, true, null);
        }
    }

    record WikinewsArticle(String id, String headline, String summary, String body, String section, List<String> tags,
                           String byline, @com.fasterxml.jackson.annotation.JsonProperty("published_at") Instant publishedAt,
                           @com.fasterxml.jackson.annotation.JsonProperty("source_url") String sourceUrl) {

        ArticleCopy toCopy() {
            String html = paragraphs(List.of(body.split("\\n\\s*\\n"))) + "\n<p><em>From <a href=\""
                    + HtmlUtils.htmlEscape(sourceUrl) + "\">Wikinews</a>, by Wikinews contributors, licensed "
                    + "CC BY 2.5 (public domain before 25 September 2005). Markup stripped and text reformatted.</em></p>";
            String by = byline == null || byline.isBlank() ? "Wikinews contributors" : byline;
            return new ArticleCopy(clip(headline, 200), clip(summary, 500), new DatelineCopy("Wikinews", "UTC"),
                    List.of(new BylineCopy(clip(by, 100), null)), html, section == null ? "world" : SECTIONS.getOrDefault(section, "world"),
                    tags == null ? List.of() : tags.stream().limit(20).map(t -> clip(t, 60)).toList(), null, true, null);
        }
    }
}
