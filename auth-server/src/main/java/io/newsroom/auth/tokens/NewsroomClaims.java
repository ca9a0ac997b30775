package io.newsroom.auth.tokens;

import java.util.List;

import io.newsroom.auth.NewsroomAuthProperties;
import io.newsroom.auth.clients.DemoClients;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts what the newsroom resource servers check into every access token: {@code aud} = the newsroom audience
 * (by default the server would use the client id) and the client's roles in the {@code roles} claim.
 */
@Component
public class NewsroomClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final String audience;

    public NewsroomClaims(NewsroomAuthProperties properties) {
        this.audience = properties.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(DemoClients.ROLES_SETTING);
        context.getClaims()
                .audience(List.of(audience))
                .claim("roles", roles == null ? List.of() : roles);
    }
}
