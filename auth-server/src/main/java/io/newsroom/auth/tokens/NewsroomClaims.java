package io.newsroom.auth.tokens;

import java.util.List;

import io.newsroom.auth.NewsroomAuthProperties;
import io.newsroom.auth.clients.DemoClients;
import io.newsroom.auth.people.Staff;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts what the newsroom resource servers check into every access token: {@code aud} = the newsroom audience
 * (by default the server would use the client id) and the newsroom roles in the {@code roles} claim. A machine
 * client's roles come from its registration; a person's from their account, with {@code sub} = their user name
 * (what the audit trails record) and {@code name} = their display name, in the access token and the ID token alike.
 */
@Component
public class NewsroomClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final String audience;
    private final Staff staff;

    public NewsroomClaims(NewsroomAuthProperties properties, Staff staff) {
        this.audience = properties.audience();
        this.staff = staff;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!access && !ID_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(DemoClients.ROLES_SETTING);
            context.getClaims().audience(List.of(audience)).claim("roles", roles == null ? List.of() : roles);
            return;
        }
        // authorization_code and refresh_token: the principal is the person who signed in
        String username = context.getPrincipal().getName();
        List<String> roles = context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        context.getClaims()
                .subject(username)
                .claim("roles", roles)
                .claim("name", staff.displayName(username).orElse(username))
                .claim("preferred_username", username);
        if (access) {
            context.getClaims().audience(List.of(audience));
        }
    }
}
