package io.newsroom.auth;

import java.util.List;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gets a token the way devstack and the README do (client_credentials over HTTP) and validates it the way a
 * resource server does: signature from the published JWKS, RS256 only, issuer and audience checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientCredentialsTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    NewsroomAuthProperties properties;

    @Test
    void editorTokenIsAnRs256JwtForTheNewsroomAudienceWithTheEditorRole() {
        Jwt jwt = decoder().decode(token("newsroom-editor", "editor-secret"));

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getIssuer()).hasToString(properties.issuer());
        assertThat(jwt.getAudience()).containsExactly("newsroom");
        assertThat(jwt.getSubject()).isEqualTo("newsroom-editor");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EDITOR");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
    }

    @Test
    void eachDemoClientCarriesOnlyItsOwnRole() {
        assertThat(decoder().decode(token("newsroom-moderator", "moderator-secret")).getClaimAsStringList("roles"))
                .containsExactly("MODERATOR");
        assertThat(decoder().decode(token("newsroom-admin", "admin-secret")).getClaimAsStringList("roles"))
                .containsExactly("ADMIN");
    }

    @Test
    void wrongSecretGetsNoToken() {
        HttpTestResponse response = tokenRequest("newsroom-admin", "guess");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void metadataAdvertisesTheConfiguredIssuerAndJwks() {
        HttpTestResponse response = client().get("/.well-known/oauth-authorization-server");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode metadata = response.json();

        assertThat(metadata.path("issuer").asString()).isEqualTo(properties.issuer());
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(properties.issuer() + "/oauth2/jwks");
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("newsroom"))));
        return decoder;
    }

    private String token(String clientId, String secret) {
        HttpTestResponse response = tokenRequest(clientId, secret);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        return body.path("access_token").asString();
    }

    private HttpTestResponse tokenRequest(String clientId, String secret) {
        return client().request("POST", "/oauth2/token")
                .header("Authorization", HttpTestClient.basic(clientId, secret))
                .form("grant_type", "client_credentials")
                .send();
    }

    private HttpTestClient client() {
        return HttpTestClient.to("http://localhost:" + port);
    }
}
