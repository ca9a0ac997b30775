package io.newsroom.infra.spring;

import io.newsroom.infra.security.LocalIssuer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the service's OAuth2 resource server at the shared {@link LocalIssuer}, so tests exercise the
 * production JWT decoder (signature via JWKS, issuer, audience, expiry) with tokens from
 * {@code LocalIssuer.shared().token("alice", "EDITOR")}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SecurityInfra {

    @Bean
    DynamicPropertyRegistrar localIssuerProperties() {
        return registry -> {
            LocalIssuer issuer = LocalIssuer.shared();
            registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
            registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
            registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LocalIssuer.AUDIENCE);
        };
    }
}
