package io.newsroom.edge.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;

/**
 * The JWT decoder of every service, configured by Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * (JWKS URI, algorithms, issuer, audiences) and checking what Boot's own decoder checks, with one difference: the
 * issuer's keys survive an issuer outage. Boot's decoder drops its key set after five minutes and then fails
 * every token while the issuer cannot be reached; during an auth-server restart editors were answered 500. Here the
 * last key set fetched stays in use for up to {@code newsroom.edge.security.issuer-outage-tolerance} (1 h) while
 * the issuer does not answer (Nimbus' outage-tolerant JWK source). A token whose key is not in it is a 401; a service
 * that never had the keys answers 503 ({@link SecurityProblems}).
 */
final class IssuerKeys {

    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private IssuerKeys() {
    }

    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt, Duration cacheTtl, Duration outageTolerance) {
        Assert.hasText(jwt.getJwkSetUri(), "spring.security.oauth2.resourceserver.jwt.jwk-set-uri is required");
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(url(jwt.getJwkSetUri()),
                        new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
                .cache(cacheTtl.toMillis(), TIMEOUT_MILLIS)
                .refreshAheadCache(false)
                .rateLimited(false) // an unknown key id refetches at once: a rotated key is accepted without waiting
                .retrying(true)
                .outageTolerant(outageTolerance.toMillis())
                .build();
        Set<JWSAlgorithm> algorithms = jwt.getJwsAlgorithms().stream().map(JWSAlgorithm::parse)
                .collect(Collectors.toUnmodifiableSet());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWSTypeVerifier((type, context) -> { }); // as in Spring Security 7: JwtTypeValidator checks typ
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the validators below check the claims
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validator(jwt));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(jwt.getIssuerUri() == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()));
        List<String> audiences = jwt.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static java.net.URL url(String uri) {
        try {
            return URI.create(uri).toURL();
        } catch (MalformedURLException ex) {
            throw new IllegalArgumentException("Invalid jwk-set-uri: " + uri, ex);
        }
    }
}
