package io.newsroom.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in the way the site makes a browser do it: authorize (with PKCE) → sign-in form → code → tokens.
 * The tokens must name the person (sub = user name, name = display name) and carry their roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonSignInTest {

    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/newsroom";

    @LocalServerPort
    int port;

    @Autowired
    NewsroomAuthProperties properties;

    final JsonMapper json = JsonMapper.builder().build();
    HttpTestClient server;
    HttpTestClient browser;
    final String verifier = "a-long-random-code-verifier-for-the-test-0123456789abcdefghijk";

    @BeforeEach
    void freshBrowser() {
        server = HttpTestClient.to("http://localhost:" + port);
        browser = server.withCookies();
    }

    @Test
    void anEditorSignsInAndHerTokensNameHerAndCarryHerRole() throws Exception {
        JsonNode tokens = tokens(signIn("rosa", "rosa-editor"), verifier);

        Jwt access = decoder("newsroom").decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("rosa");
        assertThat(access.getClaimAsString("name")).isEqualTo("Rosa Lindqvist");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("EDITOR");
        assertThat(access.getAudience()).containsExactly("newsroom");

        Jwt id = decoder("newsroom-web").decode(tokens.get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo("rosa");
        assertThat(id.getClaimAsString("name")).isEqualTo("Rosa Lindqvist");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("EDITOR");

        // the console renews its access token without a new sign-in, and the renewed one still names her
        var refreshed = json.readTree(post("/oauth2/token", form("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString())).body());
        Jwt renewed = decoder("newsroom").decode(refreshed.get("access_token").asString());
        assertThat(renewed.getSubject()).isEqualTo("rosa");
        assertThat(renewed.getClaimAsStringList("roles")).containsExactly("EDITOR");
    }

    @Test
    void theAdminCarriesEveryNewsroomRole() throws Exception {
        Jwt admin = decoder("newsroom").decode(tokens(signIn("sam", "sam-admin"), verifier).get("access_token").asString());
        assertThat(admin.getClaimAsStringList("roles")).containsExactlyInAnyOrder("EDITOR", "MODERATOR", "ADMIN");
    }

    @Test
    void aCodeWithoutItsPkceVerifierGetsNoToken() throws Exception {
        String code = signIn("maya", "maya-moderator");
        var response = post("/oauth2/token", form("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", "not-the-verifier-that-was-hashed-into-the-challenge-000"));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anAuthorizeRequestWithoutPkceIsRefused() throws Exception {
        var response = get("/oauth2/authorize?response_type=code&client_id=newsroom-web&scope=openid&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&state=s1");
        // the server sends the error back to the site, never a code
        assertThat(response.status()).isEqualTo(302);
        assertThat(location(response)).doesNotContain("code=").contains("error=");
    }

    @Test
    void aWrongPasswordIsSentBackToTheForm() throws Exception {
        get(authorizeUrl());
        var form = Jsoup.parse(get("/login").body());
        var response = post("/login", form("username", "rosa", "password", "guess",
                "_csrf", form.select("input[name=_csrf]").val()), false);
        assertThat(response.status()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
        var again = Jsoup.parse(get("/login?error").body());
        assertThat(again.select("[role=alert]").text()).contains("do not match");
        assertThat(again.select("h1")).hasSize(1);
        assertThat(again.select("label[for=username], label[for=password]")).hasSize(2);
    }

    @Test
    void theDiscoveryDocumentAdvertisesTheFlowTheSiteUses() throws Exception {
        JsonNode metadata = json.readTree(get("/.well-known/openid-configuration").body());
        assertThat(metadata.get("issuer").asString()).isEqualTo(properties.issuer());
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(metadata.get("end_session_endpoint").asString()).endsWith("/connect/logout");
    }

    /** Authorize → sign-in form → authorize again → the code sent to the site's redirect URI. */
    private String signIn(String username, String password) throws Exception {
        var first = get(authorizeUrl());
        assertThat(first.status()).isEqualTo(302);
        assertThat(location(first)).endsWith("/login");
        var form = Jsoup.parse(get("/login").body());
        var signedIn = post("/login", form("username", username, "password", password,
                "_csrf", form.select("input[name=_csrf]").val()), false);
        assertThat(signedIn.status()).isEqualTo(302);
        var back = get(location(signedIn));
        assertThat(back.status()).isEqualTo(302);
        String redirect = location(back);
        assertThat(redirect).startsWith(REDIRECT);
        return UriComponentsBuilder.fromUriString(redirect).build().getQueryParams().getFirst("code");
    }

    private JsonNode tokens(String code, String codeVerifier) throws Exception {
        var response = post("/oauth2/token", form("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", codeVerifier));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String authorizeUrl() throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return "/oauth2/authorize?response_type=code&client_id=newsroom-web&scope=openid%20profile&state=s1&nonce=n1"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private String location(HttpTestResponse response) {
        String location = response.header("Location");
        assertThat(location).as("Location of " + response).isNotNull();
        return location;
    }

    /** A page (or a Location) in the browser, with its cookies. */
    private HttpTestResponse get(String pathOrUrl) {
        return browser.get(pathOrUrl, "Accept", "text/html");
    }

    /** The site's back-channel call, with its client credentials and no browser cookies. */
    private HttpTestResponse post(String path, String[] form) {
        return post(path, form, true);
    }

    private HttpTestResponse post(String path, String[] form, boolean asSite) {
        if (asSite) {
            return server.request("POST", path).header("Authorization", HttpTestClient.basic("newsroom-web", "web-secret"))
                    .form(form).send();
        }
        return browser.request("POST", path).form(form).send();
    }

    private static String[] form(String... namesAndValues) {
        return namesAndValues;
    }

    private NimbusJwtDecoder decoder(String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience))));
        return decoder;
    }
}
