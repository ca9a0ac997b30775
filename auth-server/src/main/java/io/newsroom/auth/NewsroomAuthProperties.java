package io.newsroom.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the local authorization server issues, and to whom.
 *
 * @param issuer    the {@code iss} of every token; the resource servers check it, so it must be the URL they know
 * @param audience  the {@code aud} of every access token
 * @param tokenTtl  access token lifetime
 * @param clients   the demo machine clients (client_credentials), one per newsroom role: imports and scripts
 * @param users     the demo people (editors, moderators, an admin) who sign in to the site's consoles
 * @param site      the news site as an OpenID Connect client (authorization code + PKCE)
 */
@Validated
@ConfigurationProperties("newsroom.auth")
public record NewsroomAuthProperties(
        @NotBlank String issuer,
        @NotBlank String audience,
        Duration tokenTtl,
        @NotEmpty List<@Valid Client> clients,
        List<@Valid User> users,
        @NotNull @Valid SiteClient site) {

    public NewsroomAuthProperties {
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
        users = users == null ? List.of() : users;
    }

    /**
     * @param id     the OAuth2 client id
     * @param secret the client secret in plain text (local defaults only; production uses a real IdP)
     * @param roles  newsroom roles put in the token's {@code roles} claim (EDITOR, MODERATOR, ADMIN)
     */
    public record Client(@NotBlank String id, @NotBlank String secret, @NotEmpty List<String> roles) {
    }

    /**
     * A person who signs in with a password.
     *
     * @param username the sign-in name and the tokens' {@code sub}: what the audit trails record
     * @param name     the display name ({@code name} claim), e.g. "Rosa Lindqvist"
     * @param password plain text here (local demo defaults, overridable by env); stored hashed in memory
     * @param roles    newsroom roles ({@code roles} claim)
     */
    public record User(@NotBlank String username, @NotBlank String name, @NotBlank String password,
                       @NotEmpty List<String> roles) {
    }

    /**
     * @param clientId               the site's client id
     * @param secret                 its secret (a confidential client: the site's server holds it)
     * @param redirectUris           where the site receives the code: {@code <site origin>/login/oauth2/code/newsroom}
     * @param postLogoutRedirectUris where a signed-out person may be sent back to
     * @param refreshTokenTtl        how long a console session can renew its access token without a new sign-in
     */
    public record SiteClient(@NotBlank String clientId, @NotBlank String secret, @NotEmpty List<String> redirectUris,
                             List<String> postLogoutRedirectUris, Duration refreshTokenTtl) {
        public SiteClient {
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
            refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(10) : refreshTokenTtl;
        }
    }
}
