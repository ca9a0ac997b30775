package io.newsroom.edge.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What a service states about its security: who may call what. Everything else (JWT validation, stateless,
 * problem+json 401/403, the error page, the OpenAPI document, actuator on the management port) is shared.
 * The rules must end with an {@code anyRequest()} rule. Declare one bean:
 * <pre>{@code
 * @Bean AuthorizationRules rules() {
 *     return requests -> requests
 *             .requestMatchers(AuthorizationRules.reads("/articles", "/articles/**")).permitAll()
 *             .requestMatchers("/editor/**").hasRole("EDITOR")
 *             .anyRequest().denyAll();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AuthorizationRules {

    void customize(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);

    /** GET and HEAD on these path patterns: HEAD works wherever GET does. */
    static RequestMatcher reads(String... patterns) {
        var builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns)
                .flatMap(pattern -> Stream.<RequestMatcher>of(builder.matcher(HttpMethod.GET, pattern),
                        builder.matcher(HttpMethod.HEAD, pattern)))
                .toList());
    }
}
