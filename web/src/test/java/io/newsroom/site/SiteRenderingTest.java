package io.newsroom.site;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The site rendered against a canned public API (StubGateway): pages, status codes, headers, markup, safety. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=-1")
class SiteRenderingTest {

    @RegisterExtension
    static final StubGateway STUB = new StubGateway(0);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("newsroom.site.gateway-url", STUB::url);
        registry.add("newsroom.site.public-url", () -> "https://news.example");
        registry.add("newsroom.site.locale", () -> "en-GB");
        registry.add("newsroom.site.twitter-handle", () -> "newsroom_desk");
    }

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient http() {
        return HttpTestClient.to("http://localhost:" + port);
    }

    HttpTestResponse get(String path, String... headers) {
        return http().get(path, headers);
    }

    HttpTestResponse post(String path, Map<String, String> form, String cookie, String accept) {
        var request = http().request("POST", path).header("Accept", accept)
                .form(form.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.send();
    }

    @Test
    void onAPublicHostTheConsoleSessionCookieIsSecure() throws Exception {
        // public-url is https://news.example here: the console's session cookie must never travel without TLS
        var console = get("/console/editor");
        assertThat(console.status()).isEqualTo(302);
        assertThat(console.headers("Set-Cookie")).filteredOn(c -> c.startsWith("NEWSROOM_CONSOLE="))
                .singleElement().satisfies(c -> assertThat(c).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void homeListsLatestNewsMustReadAndSections() throws Exception {
        var response = get("/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).satisfies(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.header("Cache-Control")).satisfies(c -> assertThat(c).contains("public").contains("max-age=60"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("main, header, nav[aria-label=Sections], footer, form[role=search]")).hasSize(5);
        assertThat(page.select(".latest .teaser h3 a").first().attr("href")).isEqualTo("/articles/" + StubGateway.SLUG);
        assertThat(page.select(".latest .teaser").first().text()).containsPattern("\\d+ minutes ago").contains("3 comments");
        assertThat(page.select(".must-read .teaser")).hasSize(1);
        assertThat(page.select("nav.sections a[href=/section/world]")).hasSize(1);
        assertThat(page.select("a[data-load-more]").attr("href")).isEqualTo("/?cursor=c2");
        assertThat(page.select("label[for=q]")).hasSize(1);
        assertThat(page.select("a.skip[href=#main]")).hasSize(1);
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://news.example/");
        // one script, a module from this origin; no inline script
        assertThat(page.select("script[src]")).hasSize(1);
        assertThat(page.select("script:not([src]):not([type=application/ld+json])")).isEmpty();

        String etag = response.header("ETag");
        assertThat(etag).as("weak: Tomcat compresses no response with a strong ETag").startsWith("W/");
        assertThat(get("/", "If-None-Match", etag).status()).isEqualTo(304);
        var compressed = get("/", "Accept-Encoding", "gzip");
        assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void securityHeadersAllowNoInlineScript() throws Exception {
        var response = get("/");
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theReadersAddressIsPassedOnAndForwardedOnlyFromATrustedProxy() throws Exception {
        STUB.seen.clear();
        get("/", "X-Forwarded-For", "203.0.113.7");
        assertThat(STUB.seen).isNotEmpty().allSatisfy(s -> assertThat(s.forwardedFor()).isEqualTo("203.0.113.7"));
        STUB.seen.clear();
        get("/");
        assertThat(STUB.seen).isNotEmpty().allSatisfy(s -> assertThat(s.forwardedFor()).isEqualTo("127.0.0.1"));
    }

    @Test
    void anArticleIsStillReadWhileCommentServiceIsDownAndSaysCommentsCannotBePostedNow() throws Exception {
        STUB.commentServiceDown = true;
        try {
            var response = get("/articles/" + StubGateway.SLUG);
            assertThat(response.status()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("h1").text()).startsWith("Israel Rebuffs Calls for Ceasefire");
            assertThat(page.select("form[data-comment-form]")).isEmpty();
            assertThat(page.select("p.closed").text()).contains("cannot be posted at the moment");
        } finally {
            STUB.commentServiceDown = false;
        }
        assertThat(Jsoup.parse(get("/articles/" + StubGateway.SLUG).body()).select("form[data-comment-form]")).hasSize(1);
    }

    @Test
    void articlePageIsLaidOutLikeTheSeedPage() throws Exception {
        var response = get("/articles/" + StubGateway.SLUG);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isNotNull();
        assertThat(response.header("Last-Modified")).isNotNull();
        assertThat(response.header("Cache-Control")).satisfies(c -> assertThat(c).contains("private"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h1").text()).startsWith("Israel Rebuffs Calls for Ceasefire");
        assertThat(page.select(".standfirst").text()).startsWith("Prime Minister");
        assertThat(page.select(".place").text()).isEqualTo("Jerusalem");
        assertThat(page.select(".local-time").text()).matches("\\d\\d:\\d\\d \\S+ local time");
        assertThat(page.select(".byline a[rel=author]").eachAttr("href")).containsExactly("/author/amina-said", "/author/tom-o-hara");
        assertThat(page.select(".byline").text()).contains("Tom O'Hara");
        Element hero = page.selectFirst(".hero img");
        assertThat(hero.attr("alt")).isEqualTo("A lighthouse above the sea");
        assertThat(page.select(".hero figcaption").text()).contains("The coast at dawn.").contains("Credit: Newsroom");
        assertThat(page.select(".body p")).hasSize(3);
        assertThat(page.select(".body script, .body [onclick]")).isEmpty();
        assertThat(page.select(".corrections li").text()).contains("misstated the date");
        assertThat(page.select(".tags a").eachAttr("href")).contains("/tag/resolution%201701");
        assertThat(page.select(".related .teaser a").attr("href")).isEqualTo("/articles/hezbollah-leader-qassem-demands");
        assertThat(page.select(".rail .teaser a").eachAttr("href")).contains("/articles/hezbollah-leader-qassem-demands")
                .doesNotContain("/articles/" + StubGateway.SLUG);
        assertThat(page.select("#comments-heading").text()).isEqualTo("3 comments");
        assertThat(page.select(".thread > .comment")).hasSize(2);
        assertThat(page.select(".thread > .comment .replies .comment .author").text()).isEqualTo("Khamis");
        assertThat(page.select("[data-listen]").hasAttr("hidden")).isTrue();
    }

    @Test
    void commentsAndBodiesCannotInjectMarkup() throws Exception {
        Document page = Jsoup.parse(get("/articles/" + StubGateway.SLUG).body());
        assertThat(page.select("#comments script, #comments img, .body script")).isEmpty();
        Element xss = page.selectFirst("#c-7a000000-0000-4000-8000-000000000003");
        assertThat(xss.select(".author").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(xss.select(".comment-body").text()).contains("<script>alert(1)</script>");
        // the only scripts are the site's module and the structured data
        assertThat(page.select("script")).hasSize(2);
    }

    @Test
    void articleHeadCarriesCanonicalOpenGraphTwitterAndNewsArticleJsonLd() throws Exception {
        Document page = Jsoup.parse(get("/articles/" + StubGateway.SLUG).body());
        String canonical = "https://news.example/articles/" + StubGateway.SLUG;
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(canonical);
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith("/media/hero-sample.svg");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("meta[property=article:published_time]").attr("content")).endsWith("Z");
        // the configured language and account (newsroom.site.locale, .twitter-handle)
        assertThat(page.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.select("meta[property=og:locale]").attr("content")).isEqualTo("en_GB");
        assertThat(page.select("meta[name=twitter:site]").attr("content")).isEqualTo("@newsroom_desk");
        JsonNode ld = json.readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).startsWith("Israel Rebuffs");
        assertThat(ld.get("datePublished").asString()).endsWith("Z");
        assertThat(ld.get("dateModified").asString()).endsWith("Z");
        assertThat(ld.get("author").get(0).get("name").asString()).isEqualTo("Amina Said");
        assertThat(ld.get("image").get(0).asString()).endsWith("hero-sample.svg");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo("Newsroom");
        assertThat(ld.get("publisher").get("logo").get("url").asString()).isEqualTo("https://news.example/icon.png");
    }

    @Test
    void unknownWithdrawnAndRenamedArticlesAnswerWithTheRightStatus() throws Exception {
        var missing = get("/articles/no-such-story");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("h1").text()).isEqualTo("Article not found");
        var gone = get("/articles/withdrawn-story");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(Jsoup.parse(gone.body()).select("h1").text()).contains("withdrawn");
        var moved = get("/articles/old-slug-of-the-story");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).isEqualTo("/articles/" + StubGateway.SLUG);
        var followed = get("/articles/followed-old-slug");
        assertThat(followed.status()).isEqualTo(301);
        assertThat(followed.header("Location")).isEqualTo("/articles/" + StubGateway.SLUG);
        var nowhere = get("/no/such/page");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.header("Content-Type")).satisfies(t -> assertThat(t).startsWith("text/html"));
        assertThat(Jsoup.parse(nowhere.body()).select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void searchShowsMarkedSnippetsFacetsSortAndPaging() throws Exception {
        var response = get("/search?q=ceasefire");
        assertThat(response.status()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select(".hit h2 mark").text()).isEqualTo("Hezbollah");
        assertThat(page.select(".snippet mark").text()).isEqualTo("ceasefire");
        assertThat(page.select(".hits script, .hits img, .hits b")).isEmpty();
        assertThat(page.select(".snippet").text()).contains("<b>x</b>");
        assertThat(page.select(".facets a").eachAttr("href")).contains("/search?q=ceasefire&section=world",
                "/search?q=ceasefire&tag=Hezbollah", "/search?q=ceasefire&author=Amina%20Said",
                "/search?q=ceasefire&from=2024-11-01&to=2024-11-30");
        assertThat(page.select(".sort a").eachAttr("href")).containsExactly("/search?q=ceasefire", "/search?q=ceasefire&sort=newest");
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/search?q=ceasefire&cursor=s2");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");

        Document empty = Jsoup.parse(get("/search?q=nothing&section=world").body());
        assertThat(empty.select(".empty h2").text()).contains("No articles match");
        assertThat(empty.select(".filters a").attr("href")).isEqualTo("/search?q=nothing");
    }

    record Form(String cookie, Map<String, String> fields) {
    }

    Form form() throws Exception {
        var response = get("/articles/" + StubGateway.SLUG);
        String cookie = response.headers("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Document page = Jsoup.parse(response.body());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        page.select("form[data-comment-form] input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        return new Form(cookie, fields);
    }

    @Test
    void aCommentPostedWithoutJavaScriptSaysWhetherItIsVisibleOrHeld() throws Exception {
        Form form = form();
        assertThat(form.fields()).containsKeys("_csrf", "articleId", "formToken", "parentId");
        assertThat(form.fields().get("formToken")).isEqualTo("tok.123.sig");
        var fields = new java.util.HashMap<>(form.fields());
        fields.putAll(Map.of("body", "A fine report.", "authorName", "Lea", "email", "lea@example.org"));
        var visible = post("/articles/" + StubGateway.SLUG + "/comments", fields, form.cookie(), "text/html");
        assertThat(visible.status()).isEqualTo(303);
        assertThat(visible.header("Location")).isEqualTo("/articles/" + StubGateway.SLUG + "?posted=visible#comment-status");
        assertThat(STUB.seen.stream().filter(s -> s.method().equals("POST")).reduce((a, b) -> b).orElseThrow().body())
                .contains("\"formToken\":\"tok.123.sig\"").contains("\"authorName\":\"Lea\"");

        fields.put("body", "please held me");
        var held = post("/articles/" + StubGateway.SLUG + "/comments", fields, form.cookie(), "text/html");
        assertThat(held.header("Location")).satisfies(l -> assertThat(l).contains("posted=held"));
        Document after = Jsoup.parse(get("/articles/" + StubGateway.SLUG + "?posted=held").body());
        assertThat(after.select("#comment-status .notice").text()).contains("awaiting moderation");
    }

    @Test
    void problemsFromTheApiAreSentencesNextToTheFieldAndTheTextIsKept() throws Exception {
        Form form = form();
        var fields = new java.util.HashMap<>(form.fields());
        fields.putAll(Map.of("body", "My flood of words", "authorName", "Lea", "email", "lea@example.org"));
        var flood = post("/articles/" + StubGateway.SLUG + "/comments", fields, form.cookie(), "text/html");
        assertThat(flood.status()).isEqualTo(429);
        Document page = Jsoup.parse(flood.body());
        assertThat(page.select("#form-error").text()).contains("several comments").contains("Try again in 42 s");
        assertThat(page.select("textarea[name=body]").text()).isEqualTo("My flood of words");
        assertThat(page.select("input[name=authorName]").val()).isEqualTo("Lea");

        fields.putAll(Map.of("body", "Hello", "email", "bad-address"));
        var invalid = post("/articles/" + StubGateway.SLUG + "/comments", fields, form.cookie(), "text/html");
        assertThat(invalid.status()).isEqualTo(422);
        Document bad = Jsoup.parse(invalid.body());
        assertThat(bad.select("#email-error").text()).contains("valid email address");
        assertThat(bad.select("input[name=email]").attr("aria-invalid")).isEqualTo("true");
        assertThat(bad.select("input[name=email]").val()).isEqualTo("bad-address");

        fields.putAll(Map.of("body", "closed thread", "email", "lea@example.org"));
        var closed = post("/articles/" + StubGateway.SLUG + "/comments", fields, form.cookie(), "application/json");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(json.readTree(closed.body()).get("errors").get("form").asString()).contains("Comments are closed");
    }

    @Test
    void aCommentWithoutTheCsrfTokenIsRefusedWithAPage() throws Exception {
        Form form = form();
        var fields = new java.util.HashMap<>(form.fields());
        fields.remove("_csrf");
        fields.putAll(Map.of("body", "x", "authorName", "Lea", "email", "lea@example.org"));
        var refused = post("/articles/" + StubGateway.SLUG + "/comments", fields, null, "text/html");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Please reload the page");
    }

    @Test
    void sectionTagAndAuthorPages() throws Exception {
        Document section = Jsoup.parse(get("/section/world").body());
        assertThat(section.select("h1").text()).isEqualTo("World");
        assertThat(section.select("nav.sections a[aria-current=page]").text()).isEqualTo("World");
        assertThat(section.select("link[type=application/rss+xml]").eachAttr("href")).contains("/section/world/feed.xml");
        assertThat(get("/section/astrology").status()).isEqualTo(404);
        assertThat(Jsoup.parse(get("/tag/hezbollah").body()).select("h1").text()).isEqualTo("hezbollah");
        assertThat(Jsoup.parse(get("/author/amina-said").body()).select("h1").text()).isEqualTo("Amina Said");
    }

    @Test
    void feedsSitemapsAndRobots() throws Exception {
        var rss = get("/feed.xml");
        assertThat(rss.header("Content-Type")).satisfies(t -> assertThat(t).startsWith("application/rss+xml"));
        Document feed = Jsoup.parse(rss.body(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(feed.select("rss[version=2.0] channel > item")).hasSize(2);
        assertThat(feed.select("item link").first().text()).isEqualTo("https://news.example/articles/" + StubGateway.SLUG);
        assertThat(feed.select("channel > language").text()).isEqualTo("en-gb");
        assertThat(get("/section/world/feed.xml").status()).isEqualTo(200);
        Document sitemap = Jsoup.parse(get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(sitemap.select("url > loc").eachText()).contains("https://news.example/", "https://news.example/articles/" + StubGateway.SLUG);
        Document news = Jsoup.parse(get("/news-sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(news.select("url")).isNotEmpty(); // the stub repeats its page for any cursor
        assertThat(news.select("news|publication_date").first().text()).endsWith("Z");
        assertThat(news.select("news|language").first().text()).isEqualTo("en");
        String robots = get("/robots.txt").body();
        assertThat(robots).contains("Sitemap: https://news.example/sitemap.xml").contains("Sitemap: https://news.example/news-sitemap.xml");
    }

    @Test
    void assetsHaveFingerprintedNamesAndAreCachedForAYear() throws Exception {
        Document page = Jsoup.parse(get("/").body());
        String js = page.selectFirst("script[src]").attr("src");
        assertThat(js).matches("/assets/site\\.[0-9a-f]{10}\\.js");
        var asset = get(js);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).satisfies(c -> assertThat(c).contains("max-age=31536000").contains("immutable"));
        assertThat(get("/assets/site.0000000000.js").status()).isEqualTo(404);
    }
}
