package io.newsroom.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the local authorization server issues, and to whom.
 *
 * @param issuer    the {@code iss} of every token; the resource servers check it, so it must be the URL they know
 * @param audience  the {@code aud} of every token
 * @param tokenTtl  access token lifetime
 * @param clients   the demo machine clients (client_credentials), one per newsroom role
 */
@Validated
@ConfigurationProperties("newsroom.auth")
public record NewsroomAuthProperties(
        @NotBlank String issuer,
        @NotBlank String audience,
        Duration tokenTtl,
        @NotEmpty List<Client> clients) {

    public NewsroomAuthProperties {
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
    }

    /**
     * @param id     the OAuth2 client id
     * @param secret the client secret in plain text (local defaults only; production uses a real IdP)
     * @param roles  newsroom roles put in the token's {@code roles} claim (EDITOR, MODERATOR, ADMIN)
     */
    public record Client(@NotBlank String id, @NotBlank String secret, @NotEmpty List<String> roles) {
    }
}
