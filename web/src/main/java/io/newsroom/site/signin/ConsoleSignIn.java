package io.newsroom.site.signin;

import io.newsroom.site.SiteProperties;
import io.newsroom.site.security.SecurityConfiguration;
import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Editors and moderators sign in as themselves: OpenID Connect authorization code with PKCE against the newsroom's
 * provider (the local auth-server, or Keycloak or any OIDC provider by configuration). The site keeps the tokens in
 * the person's server-side session and relays the access token to the gateway on console API calls; the browser
 * only holds an HttpOnly, SameSite=Lax session cookie ({@code Secure} whenever the site is not on localhost).
 *
 * <p>This chain covers the consoles and the sign-in/out endpoints only; every reader page stays on the stateless
 * chain and never sees a session.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSignIn {

    /** The registration id: {@code spring.security.oauth2.client.registration.newsroom.*}. */
    public static final String REGISTRATION = "newsroom";

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                ConsoleDenied denied, SiteProperties site) throws Exception {
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // PKCE for this confidential client too (OAuth 2.1; the auth-server requires it)
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var signIn = new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
        signIn.setFavorRelativeUris(true);
        var signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(site.publicOrigin() + "/");
        // without the provider's end_session_endpoint (discovered from issuer-uri) the person lands on the front page
        signedOut.setDefaultTargetUrl("/");

        http.securityMatcher("/console", "/console/**", "/oauth2/**", "/login/**", "/logout")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/editor", "/console/editor/**").hasRole("EDITOR")
                        .requestMatchers("/console/moderation", "/console/moderation/**").hasRole("MODERATOR")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(authorizationRequests)))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn).accessDeniedHandler(denied))
                .headers(SecurityConfiguration::siteHeaders);
        return http.build();
    }

    /** Newsroom roles from the ID token's roles claim become {@code ROLE_EDITOR}, {@code ROLE_MODERATOR}, ... */
    @Bean
    GrantedAuthoritiesMapper newsroomRoles(ConsoleProperties properties) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    roles(oidc.getAttributes(), properties.rolesClaim()).forEach(role ->
                            mapped.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
                }
            }
            return mapped;
        };
    }

    static List<String> roles(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
    }

    /** Gets the person's access token from their session, renewing it with the refresh token when it expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository registrations,
                                                    OAuth2AuthorizedClientRepository clients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /**
     * The session cookie is {@code Secure} unless the site is served from localhost (devstack, tests), where there
     * is no TLS; name, HttpOnly and SameSite come from {@code server.servlet.session.cookie.*}.
     */
    @Bean
    ServletContextInitializer secureSessionCookie(SiteProperties site) {
        String host = site.publicUrl().getHost();
        boolean local = host == null || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        return (ServletContext context) -> context.getSessionCookieConfig().setSecure(!local);
    }
}
