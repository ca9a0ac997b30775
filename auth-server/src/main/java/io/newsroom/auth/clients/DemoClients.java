package io.newsroom.auth.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.newsroom.auth.NewsroomAuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers the clients: the machine clients that get a token with client_credentials (imports, scripts), and
 * the news site, which signs people in with the authorization code flow and PKCE.
 */
@Configuration(proxyBeanMethods = false)
public class DemoClients {

    /** Where a machine client's newsroom roles travel from registration to the token customizer. */
    public static final String ROLES_SETTING = "newsroom.roles";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(NewsroomAuthProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>(properties.clients().stream()
                .map(client -> register(client, properties, encoder))
                .toList());
        clients.add(site(properties.site(), properties, encoder));
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient register(NewsroomAuthProperties.Client client, NewsroomAuthProperties properties,
                                             PasswordEncoder encoder) {
        return RegisteredClient.withId(id(client.id()))
                .clientId(client.id())
                // Stored hashed even locally, so a config dump never doubles as a credential store.
                .clientSecret(encoder.encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("newsroom")
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.copyOf(client.roles())).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build())
                .build();
    }

    /**
     * The site is a confidential client (its server keeps the secret) and must still use PKCE; a person signing in
     * is not asked for consent: the site is the newsroom's own.
     */
    private static RegisteredClient site(NewsroomAuthProperties.SiteClient site, NewsroomAuthProperties properties,
                                         PasswordEncoder encoder) {
        return RegisteredClient.withId(id(site.clientId()))
                .clientId(site.clientId())
                .clientSecret(encoder.encode(site.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(site.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(site.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenTtl())
                        .refreshTokenTimeToLive(site.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    private static String id(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes()).toString();
    }
}
