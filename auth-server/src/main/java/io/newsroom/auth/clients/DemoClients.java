package io.newsroom.auth.clients;

import java.util.List;
import java.util.UUID;

import io.newsroom.auth.NewsroomAuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Registers the configured demo clients: machine clients that get a token with client_credentials. */
@Configuration(proxyBeanMethods = false)
public class DemoClients {

    /** Where a client's newsroom roles travel from registration to the token customizer. */
    public static final String ROLES_SETTING = "newsroom.roles";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(NewsroomAuthProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = properties.clients().stream()
                .map(client -> register(client, properties, encoder))
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient register(NewsroomAuthProperties.Client client, NewsroomAuthProperties properties,
                                             PasswordEncoder encoder) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
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
}
