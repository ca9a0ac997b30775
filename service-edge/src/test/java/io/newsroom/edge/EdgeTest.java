package io.newsroom.edge;

import io.newsroom.edge.testapp.EdgeTestApplication;
import io.newsroom.edge.testapp.Jwks;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared edge on a real Tomcat (invalid UTF-8, charsets and the error page only show there), behind a
 * pretend gateway on loopback: a trusted proxy by default.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Jwks.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=newsroom",
                "newsroom.edge.api.title=Notes"})
class EdgeTest {

    private static final String[] GATEWAY = {"X-Forwarded-For", "127.0.0.2", "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "gateway.example:8443", "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/api/v1"};

    private HttpTestClient http;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Clock clock;

    @BeforeEach
    void client() {
        http = HttpTestClient.loopback(port);
    }

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> Jwks.shared().uri());
    }

    @Test
    void forwardedHeadersFromTheGatewayGiveTheReadersAddressAndGatewayUrls() {
        HttpTestResponse peer = http.get("/peer", GATEWAY);
        assertThat(peer.status()).isEqualTo(200);
        assertThat(peer.json().path("remoteAddr").asString()).isEqualTo("127.0.0.2");
        assertThat(peer.json().path("base").asString()).isEqualTo("https://gateway.example:8443/api/v1");

        HttpTestResponse created = http.post("/notes", "{\"headline\":\"Floods in the north\"}", GATEWAY);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location"))
                .startsWith("https://gateway.example:8443/api/v1/notes/");
    }

    @Test
    void unauthenticatedIsAProblemWithTheGatewaysResourceMetadata() {
        HttpTestResponse response = http.get("/admin/stats", GATEWAY);
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.json().path("instance").asString()).isEqualTo("/api/v1/admin/stats");
        assertThat(response.header("WWW-Authenticate"))
                .startsWith("Bearer")
                .contains("resource_metadata=\"https://gateway.example:8443/api/v1/")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void theResourceMetadataTheChallengePointsAtAnswersGetAndHeadWithTheGatewaysUrl() {
        HttpTestResponse get = http.get("/.well-known/oauth-protected-resource", GATEWAY);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.json().path("resource").asString()).isEqualTo("https://gateway.example:8443/api/v1");

        HttpTestResponse head = http.head("/.well-known/oauth-protected-resource", GATEWAY);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aTokenWithoutTheRoleIsAForbiddenProblem() {
        HttpTestResponse response = http.get("/admin/stats",
                "Authorization", HttpTestClient.bearer(Jwks.shared().rs256("EDITOR")));
        assertProblem(response, 403, "forbidden");
        assertThat(response.json().path("detail").asString()).doesNotContain("Exception");
    }

    @Test
    void rs256AndEs256TokensAreBothAccepted() {
        assertThat(http.get("/admin/stats", "Authorization", admin())
                .status()).isEqualTo(200);
        assertThat(http.get("/admin/stats", "Authorization", HttpTestClient.bearer(Jwks.shared().es256("ADMIN")))
                .status()).isEqualTo(200);
    }

    @Test
    void controlCharactersInTheQueryAreAnInvalidRequestNamingTheParameter() {
        HttpTestResponse response = http.get("/notes?tag=%00");
        assertProblem(response, 400, "invalid-request");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("tag");
        assertProblem(http.get("/notes/%01x"), 400, "invalid-request");
    }

    @Test
    void invalidUtf8InTheQueryIsAProblemNotBootsErrorJson() {
        HttpTestResponse response = http.get("/notes?tag=%FF");
        assertProblem(response, 400, "invalid-request");
        assertThat(response.body()).doesNotContain("timestamp").doesNotContain("\"path\"");
    }

    @Test
    void bodiesAreStrict() {
        assertField(http.post("/notes", "{\"headline\":123}"), "headline");
        assertField(http.post("/notes", "{\"headline\":\"nul\\u0000byte\"}"), "headline");
        assertField(http.post("/notes", "{\"headline\":\"ok\",\"tags\":[\"a\",\"b\\u0000\"]}"), "tags[1]");
        assertField(http.post("/notes", "{\"headline\":\"ok\",\"words\":\"5\"}"), "words");
        assertField(http.post("/notes", "{\"headline\":\"ok\",\"byline\":\"x\"}"), "byline");
        assertField(http.post("/notes", "{\"headline\":\"<script>alert(1)</script>\"}"), "headline");
        assertField(http.post("/notes", "{\"headline\":\"\"}"), "headline");
        assertProblem(http.post("/notes", "{not json"), 400, "invalid-request");
        assertThat(http.post("/notes", "{\"headline\":\"Line one\\nline two\",\"words\":5}").status())
                .isEqualTo(201);
    }

    @Test
    void parametersAreCheckedAndEnumsReadInAnyCase() {
        assertThat(http.get("/notes?kind=brief").json().path("kind").asString()).isEqualTo("BRIEF");
        HttpTestResponse unknown = http.get("/notes?kind=nope");
        assertField(unknown, "kind");
        assertThat(unknown.json().path("errors").get(0).path("message").asString()).contains("BRIEF", "FEATURE");
        assertField(http.get("/notes?limit=abc"), "limit");
        assertField(http.get("/notes?limit=500"), "limit");
        assertField(http.get("/notes/not-a-uuid"), "id");
    }

    @Test
    void aQueryObjectsProblemSpeaksOfParametersAndABodysOfTheBody() {
        HttpTestResponse query = http.get("/notes/search?q=floods&limit=500");
        assertField(query, "limit");
        assertThat(query.json().path("detail").asString()).isEqualTo("The request has invalid parameters.");
        assertField(http.get("/notes/search?q=floods&limit=abc"), "limit");
        assertThat(http.get("/notes/search?q=floods").status()).isEqualTo(200);

        HttpTestResponse body = http.post("/notes", "{\"headline\":\" \"}");
        assertField(body, "headline");
        assertThat(body.json().path("detail").asString()).isEqualTo("The request body has invalid fields.");
    }

    @Test
    void servicesOwnProblemsAndFrameworkErrorsAreProblems() {
        assertProblem(http.get("/notes/" + java.util.UUID.randomUUID()), 404, "note-not-found");
        assertProblem(http.get("/error"), 404, "not-found");
        assertProblem(http.request("PATCH", "/notes").header("Authorization", admin()).send(), 403, "forbidden");
        assertProblem(http.get("/admin/nothing", "Authorization", admin()),
                404, "not-found");
    }

    @Test
    void anUnexpectedFailureIsAProblemWithTheGatewayPathOnceAndNoInternals() {
        HttpTestResponse failed = http.get("/notes/broken", GATEWAY);
        assertProblem(failed, 500, "internal-error");
        assertThat(failed.json().path("instance").asString()).isEqualTo("/api/v1/notes/broken");
        assertThat(failed.body()).doesNotContain("IllegalStateException", "a bug in the service");
    }

    @Test
    void aDatabaseThatIsDownIsAnUnavailableProblemToRetryNotAnInternalError() {
        HttpTestResponse read = http.get("/notes/archive", GATEWAY);
        assertProblem(read, 503, "unavailable");
        assertThat(read.header("Retry-After")).isEqualTo("1");
        assertThat(read.body()).doesNotContain("Connection", "jdbc", "127.0.0.1");

        HttpTestResponse write = http.post("/notes/archive", "{}", GATEWAY); // the transaction cannot even begin
        assertProblem(write, 503, "unavailable");
        assertThat(write.json().path("instance").asString()).isEqualTo("/api/v1/notes/archive");

        HttpTestResponse cut = http.post("/notes/cut", "{}", GATEWAY); // the session dies mid-transaction
        assertProblem(cut, 503, "unavailable");
    }

    @Test
    void headWorksWhereGetDoes() {
        HttpTestResponse response = http.head("/notes?limit=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void actuatorIsOnTheManagementPortOnly() {
        assertThat(http.get("/actuator/health").status()).isNotEqualTo(200);
        assertThat(http.get("/actuator/prometheus").status()).isNotEqualTo(200);
        HttpTestResponse health = HttpTestClient.loopback(managementPort).get("/actuator/health/liveness");
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsPublicWithTheSharedParts() {
        HttpTestResponse response = http.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Notes");
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/api/v1");
        assertThat(doc.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
        JsonNode one = doc.path("paths").path("/notes/{id}").path("get").path("responses");
        assertThat(one.has("400")).isTrue();
        assertThat(one.path("404").path("content").has("application/problem+json")).isTrue();
        assertThat(doc.path("paths").path("/notes").path("get").path("responses").has("404")).isFalse();
    }

    @Test
    void theClockTicksInMicroseconds() {
        assertThat(clock.instant().getNano() % 1_000).isZero();
    }

    private void assertField(HttpTestResponse response, String field) {
        assertProblem(response, 400, "invalid-request");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private void assertProblem(HttpTestResponse response, int status, String kind) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        // exactly problem+json: no charset=ISO-8859-1 (a servlet getWriter() would add one)
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("https://newsroom.example/problems/" + kind);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).startsWith("/");
    }

    private static String admin() {
        return HttpTestClient.bearer(Jwks.shared().rs256("ADMIN"));
    }
}
