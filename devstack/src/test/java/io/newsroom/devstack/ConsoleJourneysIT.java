package io.newsroom.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newsroom.infra.http.HttpTestResponse;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.devstack.PlatformClient.request;
import static io.newsroom.devstack.PlatformClient.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consoles in a real browser against the real platform (issue 13): editors and moderators sign in as
 * themselves at the auth-server (OIDC authorization code + PKCE through the gateway's origin) and do their job;
 * the public site shows each result. Every console page: screenshots at 390×844 and 1280×800 under
 * {@code target/site-screenshots/console-*} and axe-core with no serious or critical violation.
 */
@ExtendWith(RunningPlatform.class)
@Order(5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysIT {

    private static final String SITE = RunningPlatform.GATEWAY;
    private static final String AUTH = RunningPlatform.AUTH;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String marker = "skerry" + Long.toString(System.nanoTime(), 36);
    private final Map<String, List<String>> axeFindings = new LinkedHashMap<>();
    private final List<SiteBrowser> browsers = new ArrayList<>();
    private SiteBrowser editor;
    private String commentedId;
    private String commentedSlug;
    private String writtenId;
    private String writtenSlug;

    @BeforeAll
    void anArticleWithThreeHeldComments() throws Exception {
        JsonNode article = createAndPublish("Harbour pilots of " + marker + " guide the last ferry home");
        commentedId = article.get("id").asString();
        commentedSlug = article.get("slug").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                request("GET", SITE + "/api/v1/articles/" + commentedId + "/comment-form").send().status() == 200);
        // pre-moderation (set as a machine would): every comment is held for the moderator journey
        var policy = request("PUT", SITE + "/api/v1/moderation/articles/" + commentedId + "/moderation-policy")
                .header("Authorization", "Bearer " + token("MODERATOR"))
                .json("{\"policy\": \"PRE\"}").send();
        assertThat(policy.status()).as(policy.body()).isEqualTo(204);
        for (String text : List.of("approve", "reject", "spam")) {
            postComment("Please " + text + " me, " + marker + ".", "Reader " + text);
        }
    }

    @AfterAll
    void report() throws Exception {
        browsers.forEach(SiteBrowser::close);
        StringBuilder out = new StringBuilder();
        axeFindings.forEach((page, found) -> out.append(page).append(": ").append(found.isEmpty() ? "0 serious/critical" : found).append('\n'));
        Files.writeString(SiteBrowser.TARGET.resolve("console-axe.txt"), out.toString());
    }

    @Test
    @Order(1)
    void aSignedOutPersonReachingAConsoleIsSentToSignIn() {
        editor = browser();
        editor.driver.get(SITE + "/console/editor");
        wait(editor, 20).until(ExpectedConditions.urlContains(AUTH + "/login"));
        assertThat(editor.driver.findElements(By.name("username"))).hasSize(1);
        assertThat(editor.driver.findElements(By.name("password"))).hasSize(1);
        check(editor, "console-sign-in");
    }

    @Test
    @Order(2)
    void anEditorSignsInWritesADraftWithTagsAndAHeroImageAndPreviewsIt() {
        signInHere(editor, DemoAccounts.EDITOR);
        landedOn(editor, "/console/editor");
        assertThat(text(editor, "[data-person]")).isEqualTo(DemoAccounts.EDITOR.name());
        check(editor, "console-desk");

        editor.driver.findElement(By.linkText("Write a new article")).click();
        wait(editor, 10).until(ExpectedConditions.urlContains("/console/editor/new"));
        type(editor, "f-headline", "Island school of " + marker + " reopens after the storm");
        type(editor, "f-standfirst", "Pupils of " + marker + " crossed by boat to the rebuilt classrooms on Monday.");
        type(editor, "f-place", "Tórshavn");
        type(editor, "f-timeZone", "Atlantic/Faroe");
        type(editor, "f-byline", "Amina Said, Tom O'Hara");
        new Select(editor.driver.findElement(By.id("f-section"))).selectByValue("world");
        type(editor, "f-tags", "Islands, Schools, Storms");
        type(editor, "f-heroUrl", SITE + "/media/hero-sample.svg");
        type(editor, "f-heroAlt", "The rebuilt school above the harbour");
        type(editor, "f-heroCaption", "The school reopened on Monday.");
        type(editor, "f-heroCredit", "Newsroom demo");
        type(editor, "f-body", "<p>The first boat left at seven, " + marker + ".</p><h2>Rebuilt</h2><p>The roof is new.</p>"
                + "<script>alert('x')</script>");
        check(editor, "console-new-article");
        editor.driver.findElement(By.cssSelector(".article-form button[type=submit]")).click();
        wait(editor, 15).until(d -> d.getCurrentUrl().matches(".*/console/editor/articles/[0-9a-f-]{36}$"));
        assertThat(text(editor, ".notice")).isEqualTo("Draft saved.");
        writtenId = editor.driver.getCurrentUrl().substring(editor.driver.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(editor.driver.findElement(By.id("f-tags")).getAttribute("value")).isEqualTo("islands, schools, storms");
        check(editor, "console-edit-article");

        editor.driver.findElement(By.linkText("Preview as readers see it")).click();
        wait(editor, 10).until(ExpectedConditions.urlContains("/preview"));
        assertThat(text(editor, "h1")).isEqualTo("Island school of " + marker + " reopens after the storm");
        assertThat(text(editor, ".preview-banner")).contains("Preview");
        assertThat(editor.driver.findElement(By.cssSelector(".hero img")).getAttribute("alt")).isEqualTo("The rebuilt school above the harbour");
        assertThat(editor.driver.findElements(By.cssSelector(".body script"))).isEmpty();
        assertThat(editor.driver.findElements(By.cssSelector(".tags a"))).hasSize(3);
        check(editor, "console-preview");
    }

    @Test
    @Order(3)
    void sheSchedulesItAFewSecondsAheadSeesItPublishAndAddsACorrection() {
        openAs(editor, "/console/editor/articles/" + writtenId);
        String at = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        editor.js().executeScript("document.getElementById('publishAt').value = arguments[0]", at);
        type(editor, "zone", "UTC");
        editor.driver.findElement(By.cssSelector("form[action$='/schedule'] button")).click();
        wait(editor, 15).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(text(editor, ".notice")).startsWith("Scheduled for");
        assertThat(text(editor, ".status-line")).startsWith("Scheduled for");

        openAs(editor, "/console/editor?status=SCHEDULED");
        assertThat(text(editor, "table.desk")).contains(marker);
        check(editor, "console-scheduled");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            editor.driver.get(SITE + "/console/editor?status=PUBLISHED");
            // this article, not the one with held comments, which carries the same marker and is already published
            return editor.driver.findElements(By.cssSelector("table.desk a")).stream()
                    .anyMatch(a -> String.valueOf(a.getAttribute("href")).endsWith("/articles/" + writtenId));
        });
        check(editor, "console-published");

        openAs(editor, "/console/editor/articles/" + writtenId);
        assertThat(text(editor, ".status-line")).startsWith("Published");
        type(editor, "correction", "An earlier version misspelt the name of the harbour.");
        editor.driver.findElement(By.cssSelector("form[action$='/corrections'] button")).click();
        wait(editor, 15).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(text(editor, ".notice")).isEqualTo("Correction published.");
        writtenSlug = editor.driver.findElement(By.linkText("Open on the site")).getAttribute("href");
        writtenSlug = writtenSlug.substring(writtenSlug.lastIndexOf('/') + 1);
    }

    @Test
    @Order(4)
    void readersFindAllOfItOnThePublicSite() {
        SiteBrowser reader = browser();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            reader.driver.get(SITE + fresh("/"));
            assertThat(reader.driver.findElements(By.partialLinkText(marker + " reopens"))).isNotEmpty();
        });
        reader.driver.get(SITE + "/articles/" + writtenSlug);
        assertThat(text(reader, "h1")).isEqualTo("Island school of " + marker + " reopens after the storm");
        assertThat(text(reader, ".place")).isEqualToIgnoringCase("Tórshavn");
        assertThat(text(reader, ".corrections")).contains("misspelt the name of the harbour");
        assertThat(reader.driver.findElements(By.cssSelector(".tags a")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("islands", "schools", "storms");
        assertThat(reader.driver.findElement(By.cssSelector(".hero img")).getAttribute("src")).endsWith("/media/hero-sample.svg");
        assertThat(reader.driver.findElements(By.cssSelector(".body h2"))).hasSize(1);
        assertThat(reader.driver.getPageSource()).doesNotContain("alert('x')");
    }

    @Test
    @Order(5)
    void sheReordersMustReadAndTheFrontPageFollows() {
        openAs(editor, "/console/editor/must-read");
        editor.driver.findElement(By.cssSelector("li[data-candidate='" + writtenId + "'] button")).click();
        wait(editor, 15).until(d -> text(d, ".notice").equals("Added to Must Read."));
        // to the top: as many moves up as there are picks above it
        for (int i = 0; i < 25 && !editor.driver.findElements(By.cssSelector("li[data-pick='" + writtenId + "'] button[value^='up:']")).isEmpty(); i++) {
            WebElement page = editor.driver.findElement(By.tagName("html"));
            editor.driver.findElement(By.cssSelector("li[data-pick='" + writtenId + "'] button[value^='up:']")).click();
            // every move ends on a page with the same notice: wait for the new page, not the notice
            wait(editor, 15).until(replaced(page));
            wait(editor, 15).until(d -> text(d, ".notice").equals("Moved up."));
        }
        assertThat(editor.driver.findElement(By.cssSelector("li[data-pick]")).getAttribute("data-pick")).isEqualTo(writtenId);
        check(editor, "console-must-read");

        SiteBrowser reader = browser();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            reader.driver.get(SITE + fresh("/"));
            assertThat(text(reader, ".must-read .teaser")).contains(marker + " reopens");
        });
    }

    @Test
    @Order(6)
    void theRevisionHistoryNamesTheSignedInPerson() {
        openAs(editor, "/console/editor/articles/" + writtenId + "/revisions");
        List<String> who = editor.driver.findElements(By.cssSelector("td.who")).stream().map(WebElement::getText).toList();
        List<String> what = editor.driver.findElements(By.cssSelector("table.revisions tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
        // newest first: corrected by her, published by the scheduler, scheduled and created by her
        assertThat(what).containsSubsequence("Corrected", "Published", "Scheduled", "Created");
        assertThat(who.getFirst()).isEqualTo(DemoAccounts.EDITOR.name() + " (" + DemoAccounts.EDITOR.username() + ")");
        assertThat(who.getLast()).isEqualTo(DemoAccounts.EDITOR.name() + " (" + DemoAccounts.EDITOR.username() + ")");
        assertThat(who).noneMatch(w -> w.contains("newsroom-editor"));
        check(editor, "console-revisions");
    }

    @Test
    @Order(7)
    void twoEditorsEditTheSameArticleAndTheSecondSeesTheConflictWithHerTextKept() {
        openAs(editor, "/console/editor/articles/" + writtenId);
        SiteBrowser second = browser();
        second.driver.get(SITE + "/console/editor/articles/" + writtenId);
        signInHere(second, DemoAccounts.SECOND_EDITOR);
        landedOn(second, "/console/editor/articles/" + writtenId);
        type(second, "f-headline", "Island school of " + marker + " reopens, a week early");
        second.driver.findElement(By.cssSelector(".article-form button[type=submit]")).click();
        wait(second, 15).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(text(second, ".notice")).isEqualTo("Saved.");

        String mine = "<p>The first boat left at seven, " + marker + ".</p><p>Her own new paragraph that must survive.</p>";
        type(editor, "f-body", mine);
        editor.driver.findElement(By.cssSelector(".article-form button[type=submit]")).click();
        wait(editor, 15).until(d -> !d.findElements(By.cssSelector(".conflict")).isEmpty());
        assertThat(text(editor, ".conflict")).contains(DemoAccounts.SECOND_EDITOR.username())
                .contains("Their headline").contains("reopens, a week early");
        assertThat(editor.driver.findElement(By.id("f-body")).getAttribute("value")).isEqualTo(mine);
        check(editor, "console-conflict");

        // having looked, she saves on top of the new version
        editor.driver.findElement(By.cssSelector(".article-form button[type=submit]")).click();
        wait(editor, 15).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(text(editor, ".notice")).isEqualTo("Saved.");
        assertThat(editor.driver.findElement(By.id("f-body")).getAttribute("value")).contains("Her own new paragraph");
    }

    @Test
    @Order(8)
    void aModeratorApprovesOneRejectsAnotherAndMarksOneAsSpamInBulk() {
        SiteBrowser moderator = moderator();
        moderator.driver.get(SITE + "/console/moderation?queue=HELD&articleId=" + commentedId);
        assertThat(rows(moderator)).hasSize(3);
        assertThat(text(moderator, "[data-queue-tab][aria-current=page]")).isEqualTo("Held (3)");
        assertThat(text(moderator, "table.queue")).contains("@example.org");
        check(moderator, "console-moderation-held");

        row(moderator, "approve").findElement(By.cssSelector("button[value^='APPROVE:']")).click();
        wait(moderator, 15).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(text(moderator, ".notice")).isEqualTo("Comment approved.");
        row(moderator, "reject").findElement(By.cssSelector("button[value^='REJECT:']")).click();
        wait(moderator, 15).until(d -> text(d, ".notice").equals("Comment rejected."));
        row(moderator, "spam").findElement(By.cssSelector("input[type=checkbox]")).click();
        moderator.driver.findElement(By.cssSelector(".bulk button[value=SPAM]")).click();
        wait(moderator, 15).until(d -> text(d, ".notice").equals("1 comment marked as spam."));
        assertThat(rows(moderator)).isEmpty();

        String spammer = "spammer-" + UUID.randomUUID() + "@example.net";
        type(moderator, "block-email", spammer);
        type(moderator, "block-reason", "Sends the same link to every thread.");
        moderator.driver.findElement(By.cssSelector("form[action$='/blocked-emails'] button")).click();
        wait(moderator, 15).until(d -> text(d, ".notice").startsWith("Blocked: comments from " + spammer));

        SiteBrowser reader = browser();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            reader.driver.get(SITE + fresh("/articles/" + commentedSlug));
            String thread = text(reader, "#comments");
            assertThat(thread).contains("Please approve me, " + marker).doesNotContain("Please reject me").doesNotContain("Please spam me");
        });
    }

    @Test
    @Order(9)
    void aModeratorClosesCommentsAndTheSiteSaysSo() {
        SiteBrowser moderator = moderator();
        moderator.driver.get(SITE + "/console/moderation/articles/" + commentedId);
        assertThat(text(moderator, ".subhead")).contains("Harbour pilots of " + marker);
        check(moderator, "console-comment-settings");
        type(moderator, "close-reason", "The thread has run its course.");
        moderator.driver.findElement(By.cssSelector("form[action$='/comments-open'] button.danger")).click();
        wait(moderator, 15).until(d -> text(d, ".notice").equals("Comments are closed on this article."));

        SiteBrowser reader = browser();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            reader.driver.get(SITE + fresh("/articles/" + commentedSlug));
            assertThat(reader.driver.findElements(By.cssSelector("form.reply"))).isEmpty();
            assertThat(reader.driver.findElements(By.cssSelector("#comments .closed"))).isNotEmpty();
        });
    }

    @Test
    @Order(10)
    void aModeratorCannotReachTheEditorConsole() {
        SiteBrowser moderator = moderator();
        moderator.driver.get(SITE + "/console/editor");
        assertThat(text(moderator, "h1")).isEqualTo("Not your desk");
        assertThat(moderator.driver.getPageSource()).doesNotContain("Exception");
        var status = request("GET", SITE + "/console/editor").send();
        assertThat(status.status()).as("signed out: sent to sign in").isEqualTo(302);
        check(moderator, "console-403");
    }

    @Test
    @Order(11)
    void readerPagesNeverShowAConsoleControlEvenToSignedInStaff() {
        SiteBrowser moderator = moderator();
        for (String path : List.of("/", "/articles/" + commentedSlug, "/search?q=" + marker)) {
            moderator.driver.get(SITE + path);
            assertThat(moderator.driver.findElements(By.cssSelector("a[href^='/console'], form[action='/logout'], [data-person]")))
                    .as(path).isEmpty();
            assertThat(moderator.driver.getPageSource()).as(path).doesNotContain(DemoAccounts.MODERATOR.name());
        }
    }

    // --- helpers

    private SiteBrowser moderatorBrowser;

    private SiteBrowser moderator() {
        if (moderatorBrowser == null) {
            moderatorBrowser = browser();
            moderatorBrowser.driver.get(SITE + "/console/moderation");
            signInHere(moderatorBrowser, DemoAccounts.MODERATOR);
            landedOn(moderatorBrowser, "/console/moderation");
        }
        return moderatorBrowser;
    }

    /** Back from the sign-in on the page asked for (Spring Security may add {@code ?continue} to it). */
    private static void landedOn(SiteBrowser b, String path) {
        wait(b, 30).until(d -> d.getCurrentUrl().equals(SITE + path) || d.getCurrentUrl().equals(SITE + path + "?continue"));
    }

    /** A list page may be kept a minute by the browser's cache (max-age=60): each poll asks a new URL. */
    private static String fresh(String path) {
        return path + (path.contains("?") ? "&" : "?") + "poll=" + System.nanoTime();
    }

    private SiteBrowser browser() {
        SiteBrowser b = SiteBrowser.withJavaScript();
        browsers.add(b);
        return b;
    }

    /** On the auth-server's sign-in form (where a console sent the browser): name, password, submit. */
    private void signInHere(SiteBrowser b, DemoAccounts account) {
        wait(b, 20).until(ExpectedConditions.urlContains(AUTH + "/login"));
        b.driver.findElement(By.name("username")).sendKeys(account.username());
        b.driver.findElement(By.name("password")).sendKeys(account.password());
        b.driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void openAs(SiteBrowser b, String path) {
        b.driver.get(SITE + path);
        assertThat(b.driver.getCurrentUrl()).as("still signed in").startsWith(SITE + path.replaceAll("\\?.*", ""));
    }

    private List<WebElement> rows(SiteBrowser b) {
        return b.driver.findElements(By.cssSelector("tr[data-comment]"));
    }

    private WebElement row(SiteBrowser b, String word) {
        return rows(b).stream().filter(r -> r.getText().contains("Please " + word + " me")).findFirst().orElseThrow();
    }

    private static void type(SiteBrowser b, String id, String value) {
        WebElement field = b.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static String text(SiteBrowser b, String css) {
        return text(b.driver, css);
    }

    private static String text(org.openqa.selenium.WebDriver d, String css) {
        var found = d.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    /**
     * The page {@code element} was found on has been replaced by a new one. Selenium's {@code stalenessOf} only knows
     * the stale-element error; while the new page is loading Chromium may instead answer "Node with given id does not
     * belong to the document" (an inspector error, seen in CI), which says the same thing.
     */
    private static ExpectedCondition<Boolean> replaced(WebElement element) {
        return d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** A wait that looks again when the page was replaced between finding an element and reading it (a POST's redirect). */
    private static WebDriverWait wait(SiteBrowser b, int seconds) {
        WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Screenshots at both widths, and axe: no serious or critical violation. */
    private void check(SiteBrowser b, String page) {
        b.screenshots(page);
        List<String> serious = b.seriousViolations();
        axeFindings.put(page, serious);
        assertThat(serious).as("axe serious/critical violations on " + page).isEmpty();
    }

    private JsonNode createAndPublish(String headline) {
        String copy = """
                {"headline": "%s", "standfirst": "The pilots of %s know every rock.",
                 "dateline": {"place": "Bergen", "timeZone": "Europe/Oslo"}, "byline": [{"name": "Amina Said"}],
                 "body": "<p>The last ferry came in at dusk.</p>", "section": "world", "tags": ["Harbours"], "commentsEnabled": true}
                """.formatted(headline, marker);
        var created = request("POST", SITE + "/api/v1/editor/articles")
                .header("Authorization", "Bearer " + token("EDITOR"))
                .json(copy).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        var published = request("POST", SITE + "/api/v1/editor/articles/" + id + "/publish")
                .header("Authorization", "Bearer " + token("EDITOR"))
                .header("If-Match", java.util.Objects.requireNonNull(created.header("ETag"), "ETag")).send();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return json.readTree(published.body());
    }

    private void postComment(String body, String name) throws Exception {
        JsonNode form = json.readTree(request("GET", SITE + "/api/v1/articles/" + commentedId + "/comment-form").send().body());
        Thread.sleep(form.get("minFillMillis").asLong() + 300);
        String comment = json.writeValueAsString(Map.of("body", body, "authorName", name,
                "email", "reader-" + UUID.randomUUID() + "@example.org", "formToken", form.get("formToken").asString()));
        HttpTestResponse posted = request("POST", SITE + "/api/v1/articles/" + commentedId + "/comments")
                .json(comment).send();
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(json.readTree(posted.body()).get("status").asString()).isEqualTo("HELD");
    }
}
