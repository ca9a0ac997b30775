package io.newsroom.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

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
        HttpStatusCode status = tokenRequest("newsroom-admin", "guess")
                .exchange((request, response) -> response.getStatusCode());

        assertThat(status.value()).isEqualTo(401);
    }

    @Test
    void metadataAdvertisesTheConfiguredIssuerAndJwks() {
        Map<String, Object> metadata = client().get().uri("/.well-known/oauth-authorization-server")
                .retrieve().body(new ParameterizedTypeReference<>() { });

        assertThat(metadata).containsEntry("issuer", properties.issuer())
                .containsEntry("jwks_uri", properties.issuer() + "/oauth2/jwks");
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
        Map<String, Object> body = tokenRequest(clientId, secret).retrieve().body(new ParameterizedTypeReference<>() { });
        assertThat(body).containsEntry("token_type", "Bearer");
        return (String) body.get("access_token");
    }

    private RestClient.RequestBodySpec tokenRequest(String clientId, String secret) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        return client().post().uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form);
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }
}
