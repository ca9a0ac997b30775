package io.newsroom.edge;

import io.newsroom.edge.testapp.EdgeTestApplication;
import io.newsroom.edge.testapp.Jwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> Jwks.shared().uri());
    }

    @Test
    void forwardedHeadersFromTheGatewayGiveTheReadersAddressAndGatewayUrls() throws Exception {
        HttpResponse<String> peer = send(get("/peer").headers(GATEWAY));
        assertThat(peer.statusCode()).isEqualTo(200);
        assertThat(body(peer).path("remoteAddr").asString()).isEqualTo("127.0.0.2");
        assertThat(body(peer).path("base").asString()).isEqualTo("https://gateway.example:8443/api/v1");

        HttpResponse<String> created = send(post("/notes", "{\"headline\":\"Floods in the north\"}").headers(GATEWAY));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .startsWith("https://gateway.example:8443/api/v1/notes/");
    }

    @Test
    void unauthenticatedIsAProblemWithTheGatewaysResourceMetadata() throws Exception {
        HttpResponse<String> response = send(get("/admin/stats").headers(GATEWAY));
        assertProblem(response, 401, "unauthenticated");
        assertThat(body(response).path("instance").asString()).isEqualTo("/api/v1/admin/stats");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer")
                .contains("resource_metadata=\"https://gateway.example:8443/api/v1/")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void aTokenWithoutTheRoleIsAForbiddenProblem() throws Exception {
        HttpResponse<String> response = send(get("/admin/stats")
                .header("Authorization", "Bearer " + Jwks.shared().rs256("EDITOR")));
        assertProblem(response, 403, "forbidden");
        assertThat(body(response).path("detail").asString()).doesNotContain("Exception");
    }

    @Test
    void rs256AndEs256TokensAreBothAccepted() throws Exception {
        assertThat(send(get("/admin/stats").header("Authorization", "Bearer " + Jwks.shared().rs256("ADMIN")))
                .statusCode()).isEqualTo(200);
        assertThat(send(get("/admin/stats").header("Authorization", "Bearer " + Jwks.shared().es256("ADMIN")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void controlCharactersInTheQueryAreAnInvalidRequestNamingTheParameter() throws Exception {
        HttpResponse<String> response = send(get("/notes?tag=%00"));
        assertProblem(response, 400, "invalid-request");
        assertThat(body(response).path("errors").get(0).path("field").asString()).isEqualTo("tag");
        assertProblem(send(get("/notes/%01x")), 400, "invalid-request");
    }

    @Test
    void invalidUtf8InTheQueryIsAProblemNotBootsErrorJson() throws Exception {
        HttpResponse<String> response = send(get("/notes?tag=%FF"));
        assertProblem(response, 400, "invalid-request");
        assertThat(response.body()).doesNotContain("timestamp").doesNotContain("\"path\"");
    }

    @Test
    void bodiesAreStrict() throws Exception {
        assertField(send(post("/notes", "{\"headline\":123}")), "headline");
        assertField(send(post("/notes", "{\"headline\":\"nul\\u0000byte\"}")), "headline");
        assertField(send(post("/notes", "{\"headline\":\"ok\",\"tags\":[\"a\",\"b\\u0000\"]}")), "tags[1]");
        assertField(send(post("/notes", "{\"headline\":\"ok\",\"words\":\"5\"}")), "words");
        assertField(send(post("/notes", "{\"headline\":\"ok\",\"byline\":\"x\"}")), "byline");
        assertField(send(post("/notes", "{\"headline\":\"<script>alert(1)</script>\"}")), "headline");
        assertField(send(post("/notes", "{\"headline\":\"\"}")), "headline");
        assertProblem(send(post("/notes", "{not json")), 400, "invalid-request");
        assertThat(send(post("/notes", "{\"headline\":\"Line one\\nline two\",\"words\":5}")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void parametersAreCheckedAndEnumsReadInAnyCase() throws Exception {
        assertThat(body(send(get("/notes?kind=brief"))).path("kind").asString()).isEqualTo("BRIEF");
        HttpResponse<String> unknown = send(get("/notes?kind=nope"));
        assertField(unknown, "kind");
        assertThat(body(unknown).path("errors").get(0).path("message").asString()).contains("BRIEF", "FEATURE");
        assertField(send(get("/notes?limit=abc")), "limit");
        assertField(send(get("/notes?limit=500")), "limit");
        assertField(send(get("/notes/not-a-uuid")), "id");
    }

    @Test
    void servicesOwnProblemsAndFrameworkErrorsAreProblems() throws Exception {
        assertProblem(send(get("/notes/" + java.util.UUID.randomUUID())), 404, "note-not-found");
        assertProblem(send(get("/error")), 404, "not-found");
        assertProblem(send(HttpRequest.newBuilder(url("/notes")).method("PATCH", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + Jwks.shared().rs256("ADMIN"))), 403, "forbidden");
        assertProblem(send(get("/admin/nothing").header("Authorization", "Bearer " + Jwks.shared().rs256("ADMIN"))),
                404, "not-found");
    }

    @Test
    void anUnexpectedFailureIsAProblemWithTheGatewayPathOnceAndNoInternals() throws Exception {
        HttpResponse<String> failed = send(get("/notes/broken").headers(GATEWAY));
        assertProblem(failed, 500, "internal-error");
        assertThat(body(failed).path("instance").asString()).isEqualTo("/api/v1/notes/broken");
        assertThat(failed.body()).doesNotContain("IllegalStateException", "a bug in the service");
    }

    @Test
    void headWorksWhereGetDoes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/notes?limit=1"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void actuatorIsOnTheManagementPortOnly() throws Exception {
        assertThat(send(get("/actuator/health")).statusCode()).isNotEqualTo(200);
        assertThat(send(get("/actuator/prometheus")).statusCode()).isNotEqualTo(200);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsPublicWithTheSharedParts() throws Exception {
        HttpResponse<String> response = send(get("/v3/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = body(response);
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

    private void assertField(HttpResponse<String> response, String field) {
        assertProblem(response, 400, "invalid-request");
        assertThat(body(response).path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        // exactly problem+json: no charset=ISO-8859-1 (a servlet getWriter() would add one)
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        JsonNode body = body(response);
        assertThat(body.path("type").asString()).isEqualTo("https://newsroom.example/problems/" + kind);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).startsWith("/");
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(url(path));
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
