package io.newsroom.gateway.access;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The JWT checks, made explicit rather than left to defaults: signature from the issuer's JWKS with an
 * algorithm allowlist (unsigned {@code alg: none} tokens never parse as signed; the keys as {@link IssuerKeySet}
 * keeps them), {@code exp}/{@code nbf} with a
 * bounded skew, the issuer, and the audience. Any OIDC provider works by pointing
 * {@code spring.security.oauth2.resourceserver.jwt.*} at it.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidation {

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, AccessProperties access) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        Assert.hasText(jwt.getJwkSetUri(), "spring.security.oauth2.resourceserver.jwt.jwk-set-uri is required");
        Assert.hasText(jwt.getIssuerUri(), "spring.security.oauth2.resourceserver.jwt.issuer-uri is required");
        Assert.notEmpty(jwt.getAudiences(), "spring.security.oauth2.resourceserver.jwt.audiences is required");
        Set<JWSAlgorithm> accepted = access.algorithms().stream().map(TokenValidation::algorithm).collect(Collectors.toSet());

        var keys = new IssuerKeySet(WebClient.create(), jwt.getJwkSetUri(), access.keysCacheTtl(),
                access.issuerOutageTolerance(), Clock.systemUTC());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                // the builder takes one algorithm; the allowlist goes to the key selector itself
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(accepted, new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(access.clockSkew()),
                new JwtIssuerValidator(jwt.getIssuerUri()),
                audience(jwt.getAudiences())));
        // A JWKS that cannot be fetched surfaces as a bare IllegalStateException ("Could not obtain the keys"),
        // which escapes the authentication manager as a 500. As a JwtException it becomes an
        // AuthenticationServiceException: ProblemAuthenticationHandlers answers 503, the client retries.
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                failure -> new JwtException("The issuer's keys cannot be fetched", failure));
    }

    /** A signature algorithm Spring Security knows ({@code none} and typos are refused at start-up), as Nimbus names it. */
    private static JWSAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        Assert.notNull(algorithm, () -> "Unsupported JWS algorithm in newsroom.gateway.access.algorithms: " + name);
        return JWSAlgorithm.parse(algorithm.getName());
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for this API", null);
        return token -> token.getAudience() != null && token.getAudience().stream().anyMatch(accepted::contains)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }
}
