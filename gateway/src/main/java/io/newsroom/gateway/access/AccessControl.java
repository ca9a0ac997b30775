package io.newsroom.gateway.access;

import java.util.List;

import io.newsroom.gateway.routing.RequestRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import io.newsroom.gateway.switches.FilterSwitches;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * The gateway as an OAuth2 resource server. Public reads and comment posting are anonymous; editor, moderator and
 * admin routes need the role. The bearer token travels on to the service unchanged, which checks it again.
 * Security headers are not written here but by {@code SecurityHeadersFilter}, which covers every response.
 */
@Configuration(proxyBeanMethods = false)
class AccessControl {

    @Bean
    SecurityWebFilterChain accessRules(ServerHttpSecurity http, AccessProperties access,
                                       ProblemAuthenticationHandlers handlers, Environment environment) {
        if (!FilterSwitches.isOn(environment, FilterSwitches.SECURITY)) {
            // Measurement only (the benchmark's per-filter table): a chain that applies to no request.
            return http.securityMatcher(exchange -> MatchResult.notMatch()).build();
        }
        // Anonymous calls that the first matching rule opens to anyone (public reads, comment posting) and unknown
        // paths outside /api skip the chain: for them it would only set an anonymous principal and permit. Every
        // request with an Authorization header, and everything a rule closes, goes through the full chain.
        http.securityMatcher(needsSecurity(access.rules()));
        http.csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens, no cookies: nothing for CSRF to ride on
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(ServerHttpSecurity.CorsSpec::disable) // CorsAllowlistFilter, before this chain: problem+json
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(handlers)
                        .authenticationFailureHandler(handlers)
                        .accessDeniedHandler(handlers)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles(access.rolesClaim()))))
                .authorizeExchange(exchanges -> {
                    for (AccessProperties.Rule rule : access.rules()) {
                        var matcher = exchanges.matchers(matcher(new RequestRule(rule.methods(), rule.paths())));
                        if (rule.isPublic()) {
                            matcher.permitAll();
                        } else {
                            matcher.hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    // Actuator is on the management port (management.server.port), not in this chain: /actuator on
                    // the main port is an unknown path like any other (404 problem).
                    exchanges.pathMatchers("/api/**").denyAll()
                            .anyExchange().permitAll(); // API reference page and unknown paths (404)
                });
        return http.build();
    }

    /**
     * No observation around each security filter: it roughly doubles the per-request cost of the chain and adds
     * nothing the HTTP server observation does not already show.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    static ServerWebExchangeMatcher needsSecurity(List<AccessProperties.Rule> rules) {
        List<RequestRule> matchers = rules.stream().map(rule -> new RequestRule(rule.methods(), rule.paths())).toList();
        List<Boolean> open = rules.stream().map(AccessProperties.Rule::isPublic).toList();
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return MatchResult.match();
            }
            for (int i = 0; i < matchers.size(); i++) {
                if (matchers.get(i).matches(request)) {
                    return open.get(i) ? MatchResult.notMatch() : MatchResult.match();
                }
            }
            return API.matches(request.getPath().pathWithinApplication()) ? MatchResult.match() : MatchResult.notMatch();
        };
    }

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private static ServerWebExchangeMatcher matcher(RequestRule rule) {
        return exchange -> rule.matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    private static Converter<Jwt, reactor.core.publisher.Mono<AbstractAuthenticationToken>> roles(String claim) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(claim);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
