package io.newsroom.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The public API as the ISSUE-11 contract describes it, canned, on a loopback port: enough for the site's
 * rendering tests (the browser journeys use the real platform). Records each request it gets. A test class holds it
 * in a {@code @RegisterExtension static} field, which stops it after the class's tests.
 */
public final class StubGateway implements AutoCloseable, AfterAllCallback {

    public static final String ARTICLE_ID = "3f1c2a9e-0000-4000-8000-000000000001";
    public static final String SLUG = "israel-rebuffs-calls-for-ceasefire";
    public static final String COMMENT_ID = "7a000000-0000-4000-8000-000000000001";

    public static final String DRAFT_ID = "3f1c2a9e-0000-4000-8000-0000000000d1";
    public static final String HELD_ID = "7a000000-0000-4000-8000-0000000000a1";
    public static final String HELD_ID_2 = "7a000000-0000-4000-8000-0000000000a2";

    /**
     * @param authorization the Authorization header the site sent (console calls carry the person's token)
     * @param traceparent   the W3C trace context the site sent
     */
    public record Seen(String method, String uri, String forwardedFor, String body, String authorization, String ifMatch,
                       String traceparent) {
    }

    private final HttpServer server;
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** comment-service down behind the gateway: its routes answer the gateway's 503 problem. */
    public volatile boolean commentServiceDown;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public StubGateway(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public static void main(String[] args) throws InterruptedException {
        var stub = new StubGateway(Integer.parseInt(args.length > 0 ? args[0] : "18080"));
        System.out.println("stub gateway at " + stub.url());
        Thread.currentThread().join();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery() == null ? "" : URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("X-Forwarded-For"), body,
                authorization, ifMatch, ex.getRequestHeaders().getFirst("traceparent")));
        if ((path.startsWith("/api/v1/editor") || path.startsWith("/api/v1/moderation"))
                && (authorization == null || !authorization.startsWith("Bearer ey"))) {
            problem(ex, 401, "unauthorized", "A bearer token is required.");
        } else if (path.startsWith("/api/v1/editor") || path.startsWith("/api/v1/moderation")) {
            console(ex, path, query, body, ifMatch);
        } else if (path.equals("/api/v1/articles/lookup")) {
            json(ex, 200, "{\"items\": [" + article() + "], \"nextCursor\": null}");
        } else if (path.equals("/api/v1/articles")) {
            json(ex, 200, "{\"items\": [" + teaser(ARTICLE_ID, SLUG, "Israel Rebuffs Calls for Ceasefire", 2) + ","
                    + teaser("3f1c2a9e-0000-4000-8000-000000000002", "hezbollah-leader-qassem-demands", "Hezbollah Leader Qassem Demands Israel Respect Lebanese Sovereignty", 30)
                    + "], \"nextCursor\": " + (query.contains("cursor") ? "null" : "\"c2\"") + "}");
        } else if (path.equals("/api/v1/articles/must-read")) {
            json(ex, 200, "{\"items\": [" + teaser("3f1c2a9e-0000-4000-8000-000000000003", "un-council-meets", "UN Security Council meets behind closed doors", 300) + "], \"nextCursor\": null}");
        } else if (path.equals("/api/v1/comment-counts")) {
            json(ex, 200, "{\"counts\": {\"" + ARTICLE_ID + "\": 3}}");
        } else if (path.equals("/api/v1/pages/article/" + SLUG)) {
            ex.getResponseHeaders().set("ETag", "\"page-v3\"");
            json(ex, 200, articlePage());
        } else if (path.equals("/api/v1/pages/article/followed-old-slug")) {
            // the real gateway's composite follows article-service's 301 and answers with the current article
            json(ex, 200, articlePage());
        } else if (path.equals("/api/v1/pages/article/withdrawn-story")) {
            problem(ex, 410, "gone", "This article has been withdrawn.");
        } else if (path.startsWith("/api/v1/pages/article/")) {
            problem(ex, 404, "not-found", "No published article at this slug.");
        } else if (path.equals("/api/v1/articles/old-slug-of-the-story")) {
            ex.getResponseHeaders().set("Location", "http://localhost:8080/api/v1/articles/" + SLUG);
            ex.sendResponseHeaders(301, -1);
            ex.close();
        } else if (path.equals("/api/v1/articles/" + SLUG)) {
            json(ex, 200, article());
        } else if (path.startsWith("/api/v1/articles/") && path.endsWith("/comment-form") && commentServiceDown) {
            problem(ex, 503, "service-unavailable", "comments are unavailable; try again shortly.");
        } else if (path.startsWith("/api/v1/articles/") && path.endsWith("/comment-form")) {
            json(ex, 200, "{\"formToken\": \"tok.123.sig\", \"honeypotField\": \"website\", \"minFillMillis\": 3000}");
        } else if (path.startsWith("/api/v1/articles/") && path.endsWith("/comments") && ex.getRequestMethod().equals("POST")) {
            if (body.contains("flood")) {
                problem(ex, 429, "comment-flood", "At most 5 comments per minute from this email address. Try again in 42 s.");
            } else if (body.contains("closed")) {
                problem(ex, 409, "comments-closed", "Comments are closed on this article.");
            } else if (body.contains("\"email\":\"bad")) {
                json(ex, 400, "application/problem+json", "{\"type\": \"https://newsroom.example/problems/invalid-request\", \"title\": \"Invalid request\", \"status\": 400, \"errors\": [{\"field\": \"email\", \"message\": \"must be a valid email address\"}]}");
            } else {
                boolean held = body.contains("held");
                json(ex, 201, "{\"id\": \"7a000000-0000-4000-8000-0000000000ff\", \"status\": \"" + (held ? "HELD" : "VISIBLE") + "\", \"message\": \"ok\"}");
            }
        } else if (path.equals("/api/v1/search")) {
            boolean none = query.contains("q=nothing");
            json(ex, 200, "{\"items\": [" + (none ? "" : hit()) + "], \"nextCursor\": " + (none ? "null" : "\"s2\"")
                    + ", \"total\": " + (none ? 0 : 12) + ", \"facets\": {\"sections\": [{\"value\": \"world\", \"count\": 9}],"
                    + " \"tags\": [{\"value\": \"Hezbollah\", \"count\": 7}], \"authors\": [{\"value\": \"Amina Said\", \"count\": 3}],"
                    + " \"publishedByMonth\": [{\"value\": \"2024-11-01\", \"count\": 12}]}}");
        } else if (path.equals("/api/v1/suggest")) {
            json(ex, 200, "{\"items\": [{\"text\": \"Israel Rebuffs Calls for Ceasefire\", \"id\": \"" + ARTICLE_ID + "\"}], \"nextCursor\": null}");
        } else {
            problem(ex, 404, "not-found", "Nothing here.");
        }
    }

    /** The editor and moderator APIs: one draft (version 2, last saved by Tomás), a held queue of two. */
    private void console(HttpExchange ex, String path, String query, String body, String ifMatch) throws IOException {
        String method = ex.getRequestMethod();
        String draftPath = "/api/v1/editor/articles/" + DRAFT_ID;
        if (path.equals("/api/v1/editor/articles") && method.equals("GET")) {
            String items = query.contains("status=DRAFT") ? draft(2, "DRAFT") : query.contains("status=PUBLISHED") ? draft(3, "PUBLISHED") : "";
            json(ex, 200, "{\"items\": [" + items + "], \"nextCursor\": null}");
        } else if (path.equals("/api/v1/editor/must-read") && method.equals("GET")) {
            json(ex, 200, "{\"items\": [{\"articleId\": \"" + ARTICLE_ID + "\", \"headline\": \"Israel Rebuffs Calls for Ceasefire\", \"slug\": \"" + SLUG
                    + "\", \"expiresAt\": \"2030-01-01T00:00:00Z\", \"pickedBy\": \"rosa\", \"pickedAt\": \"" + now + "\"},"
                    + " {\"articleId\": \"3f1c2a9e-0000-4000-8000-000000000003\", \"headline\": \"UN Security Council meets\", \"slug\": \"un-council-meets\","
                    + " \"expiresAt\": \"2030-02-01T00:00:00Z\", \"pickedBy\": \"rosa\", \"pickedAt\": \"" + now + "\"}], \"nextCursor\": null}");
        } else if (path.equals("/api/v1/editor/must-read") && method.equals("PUT")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        } else if (path.equals("/api/v1/editor/articles") && method.equals("POST")) {
            if (body.contains("\"headline\":\"\"")) {
                json(ex, 400, "application/problem+json", "{\"type\": \"https://newsroom.example/problems/invalid-request\", \"title\": \"Invalid request\", \"status\": 400,"
                        + " \"errors\": [{\"field\": \"headline\", \"message\": \"must not be blank\"}, {\"field\": \"dateline.timeZone\", \"message\": \"must be a time zone\"}]}");
            } else {
                ex.getResponseHeaders().set("ETag", "\"1\"");
                json(ex, 201, draft(1, "DRAFT"));
            }
        } else if (path.equals(draftPath) && method.equals("GET")) {
            ex.getResponseHeaders().set("ETag", "\"2\"");
            json(ex, 200, draft(2, "DRAFT"));
        } else if (path.equals(draftPath) && method.equals("PUT")) {
            if (!"\"2\"".equals(ifMatch)) {
                ex.getResponseHeaders().set("ETag", "\"2\"");
                problem(ex, 412, "precondition-failed", "The article has changed since version you edited.");
            } else {
                ex.getResponseHeaders().set("ETag", "\"3\"");
                json(ex, 200, draft(3, "DRAFT"));
            }
        } else if (path.equals(draftPath + "/revisions")) {
            json(ex, 200, "{\"items\": [{\"version\": 1, \"action\": \"CREATED\", \"editor\": \"rosa\", \"changedAt\": \"" + now.minusSeconds(600)
                    + "\", \"note\": null, \"changed\": [\"headline\", \"body\"]}, {\"version\": 2, \"action\": \"EDITED\", \"editor\": \"tomas\","
                    + " \"editorName\": \"Tomás Ferreira\", \"changedAt\": \"" + now.minusSeconds(60) + "\", \"note\": null, \"changed\": [\"headline\", \"body\"]}], \"nextCursor\": null}");
        } else if (path.startsWith(draftPath + "/") && method.equals("POST")) {
            if (!"\"2\"".equals(ifMatch)) {
                problem(ex, 412, "precondition-failed", "Stale version.");
            } else {
                json(ex, 200, draft(3, path.endsWith("/publish") ? "PUBLISHED" : "SCHEDULED"));
            }
        } else if (path.startsWith("/api/v1/moderation/queues/")) {
            String queue = path.substring(path.lastIndexOf('/') + 1);
            String items = queue.equals("HELD") ? heldComment(HELD_ID, "Dana", "dana@example.org", "A fair point, <b>mostly</b>.")
                    + "," + heldComment(HELD_ID_2, "Spammy", "spam@example.net", "Buy now http://x.example") : "";
            json(ex, 200, "{\"items\": [" + items + "], \"nextCursor\": null, \"total\": " + (queue.equals("HELD") ? 2 : queue.equals("REPORTED") ? 1 : 0) + "}");
        } else if (path.equals("/api/v1/moderation/decisions") || path.endsWith("/decisions")) {
            json(ex, 200, path.equals("/api/v1/moderation/decisions") ? "{\"items\": [], \"nextCursor\": null}" : heldComment(HELD_ID, "Dana", "dana@example.org", "x"));
        } else if (path.startsWith("/api/v1/moderation/articles/") || path.equals("/api/v1/moderation/blocked-emails")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        } else {
            problem(ex, 404, "not-found", "Nothing here.");
        }
    }

    private String draft(long version, String status) {
        return "{\"id\": \"" + DRAFT_ID + "\", \"slug\": \"lighthouse-keepers-vote\", \"headline\": \"Lighthouse keepers vote to stay\","
                + " \"standfirst\": \"The keepers chose the lamp.\", \"dateline\": {\"place\": \"Oslo\", \"timeZone\": \"Europe/Oslo\"},"
                + " \"byline\": [{\"name\": \"Amina Said\", \"slug\": \"amina-said\"}], \"body\": \"<p>Their body text.</p><script>alert(1)</script>\","
                + " \"section\": \"world\", \"tags\": [\"lighthouses\", \"islands\"], \"heroImage\": {\"url\": \"http://localhost:8080/media/hero-sample.svg\","
                + " \"altText\": \"The lighthouse at dawn\", \"caption\": \"The lamp.\", \"credit\": \"Newsroom\"}, \"commentsEnabled\": true,"
                + " \"status\": \"" + status + "\", \"scheduledFor\": null, \"createdAt\": \"" + now.minusSeconds(600) + "\", \"publishedAt\": null,"
                + " \"updatedAt\": \"" + now.minusSeconds(60) + "\", \"unpublishedAt\": null, \"unpublishReason\": null, \"corrections\": [], \"version\": " + version + "}";
    }

    private String heldComment(String id, String name, String email, String text) {
        return "{\"id\": \"" + id + "\", \"articleId\": \"" + ARTICLE_ID + "\", \"parentId\": null, \"authorName\": \"" + name + "\","
                + " \"authorEmail\": \"" + email + "\", \"clientAddress\": \"203.0.113.9\", \"body\": \"" + text + "\", \"status\": \"HELD\","
                + " \"statusReason\": \"too many links\", \"reportCount\": 0, \"postedAt\": \"" + now.minusSeconds(300) + "\", \"moderatedAt\": null}";
    }

    private String teaser(String id, String slug, String headline, int minutesAgo) {
        return "{\"id\": \"" + id + "\", \"slug\": \"" + slug + "\", \"headline\": \"" + headline
                + "\", \"standfirst\": \"Prime Minister Benjamin Netanyahu convened security consultations at the Defense Ministry on Monday night.\", \"section\": \"world\", \"publishedAt\": \""
                + now.minus(minutesAgo, ChronoUnit.MINUTES) + "\", \"heroImage\": null}";
    }

    private String article() {
        return "{\"id\": \"" + ARTICLE_ID + "\", \"slug\": \"" + SLUG + "\", \"headline\": \"Israel Rebuffs Calls for Ceasefire Amid Ongoing Military Campaign Against Hezbollah\","
                + "\"standfirst\": \"Prime Minister Benjamin Netanyahu convened security consultations at the Defense Ministry on Monday night\","
                + "\"dateline\": {\"place\": \"Jerusalem\", \"timeZone\": \"Asia/Jerusalem\"},"
                + "\"byline\": [{\"name\": \"Amina Said\", \"slug\": \"amina-said\"}, {\"name\": \"Tom O'Hara\", \"slug\": \"tom-o-hara\"}],"
                + "\"body\": \"<p>Jerusalem — Despite increasing international pressure, Israel is not prepared to engage in a ceasefire.</p><p>The source noted, “Israel doesn’t want a ceasefire”.</p><script>alert('body')</script><p onclick=\\\"alert(2)\\\">Third paragraph.</p>\","
                + "\"section\": \"world\", \"tags\": [\"Israel\", \"Hezbollah\", \"Resolution 1701\"],"
                + "\"heroImage\": {\"url\": \"http://localhost:8080/media/hero-sample.svg\", \"altText\": \"A lighthouse above the sea\", \"caption\": \"The coast at dawn.\", \"credit\": \"Newsroom\"},"
                + "\"commentsEnabled\": true, \"publishedAt\": \"" + now.minus(2, ChronoUnit.HOURS) + "\", \"updatedAt\": \"" + now.minus(1, ChronoUnit.HOURS) + "\","
                + "\"corrections\": [{\"correctedAt\": \"" + now.minus(1, ChronoUnit.HOURS) + "\", \"text\": \"An earlier version misstated the date of the meeting.\"}], \"version\": 3}";
    }

    private String articlePage() {
        String reply = "{\"id\": \"7a000000-0000-4000-8000-000000000002\", \"articleId\": \"" + ARTICLE_ID + "\", \"parentId\": \"" + COMMENT_ID
                + "\", \"authorName\": \"Khamis\", \"body\": \"Agreed.\", \"bodyHtml\": \"Agreed.\", \"postedAt\": \"" + now.minus(10, ChronoUnit.MINUTES) + "\", \"replies\": []}";
        String xss = "{\"id\": \"7a000000-0000-4000-8000-000000000003\", \"articleId\": \"" + ARTICLE_ID + "\", \"parentId\": null,"
                + " \"authorName\": \"<img src=x onerror=alert(1)>\", \"body\": \"<script>alert(1)</script>\", \"bodyHtml\": \"&lt;script&gt;alert(1)&lt;/script&gt;<script>alert(3)</script>\", \"postedAt\": \""
                + now.minus(5, ChronoUnit.MINUTES) + "\", \"replies\": []}";
        String top = "{\"id\": \"" + COMMENT_ID + "\", \"articleId\": \"" + ARTICLE_ID + "\", \"parentId\": null, \"authorName\": \"Dana\","
                + " \"body\": \"A sober report.\\nThanks.\", \"bodyHtml\": \"A sober report.<br>Thanks.\", \"postedAt\": \"" + now.minus(20, ChronoUnit.MINUTES)
                + "\", \"replies\": [" + reply + "]}";
        return "{\"article\": " + article() + ", \"comments\": {\"items\": [" + top + "," + xss + "], \"nextCursor\": null},"
                + " \"commentCount\": 3, \"related\": {\"items\": [" + hit() + "], \"nextCursor\": null}, \"degraded\": []}";
    }

    private String hit() {
        return "{\"id\": \"3f1c2a9e-0000-4000-8000-000000000002\", \"slug\": \"hezbollah-leader-qassem-demands\", \"headline\": \"Hezbollah Leader Qassem Demands Israel Respect Lebanese Sovereignty\","
                + " \"standfirst\": \"In his third public address\", \"section\": \"world\", \"tags\": [\"Hezbollah\"], \"authors\": [\"Amina Said\"],"
                + " \"dateline\": \"Beirut\", \"publishedAt\": \"" + now.minus(3, ChronoUnit.HOURS) + "\", \"mustRead\": false, \"commentCount\": 4,"
                + " \"highlights\": {\"headline\": \"<mark>Hezbollah</mark> Leader Qassem Demands\", \"body\": [\"the <mark>ceasefire</mark> proposal &lt;b&gt;x&lt;/b&gt;<script>alert(9)</script><img src=x onerror=alert(1)>\"]}}";
    }

    private static void problem(HttpExchange ex, int status, String kind, String detail) throws IOException {
        json(ex, status, "application/problem+json", "{\"type\": \"https://newsroom.example/problems/" + kind + "\", \"title\": \"" + kind
                + "\", \"status\": " + status + ", \"detail\": \"" + detail + "\", \"instance\": \"" + ex.getRequestURI().getPath() + "\"}");
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        json(ex, status, "application/json", body);
    }

    private static void json(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
