package io.newsroom.site.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The reader site has no login. What Spring Security does here: CSRF for the comment form (a cookie token, no
 * session), and the security headers, above all a Content-Security-Policy that allows scripts and styles from
 * this origin only (no inline script, no CDN). The consoles have their own chain, ahead of this one
 * ({@code io.newsroom.site.signin.ConsoleSignIn}); reader pages never read a console session.
 */
@Configuration
public class SecurityConfiguration {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The headers every page of the site carries, reader and console alike. */
    public static void siteHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), interest-cohort=()"));
    }

    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http, CsrfProblemPage csrfProblem) throws Exception {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(c -> c.sameSite("Lax").path("/"));
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(tokens))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .exceptionHandling(e -> e.accessDeniedHandler(csrfProblem))
                .headers(h -> {
                    // every response sets its own Cache-Control (pages, assets, feeds)
                    h.cacheControl(c -> c.disable());
                    siteHeaders(h);
                });
        return http.build();
    }
}
