package io.newsroom.site.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.site.console.*}: how the consoles read who someone is. The OIDC provider itself is configured
 * with Spring Boot's standard {@code spring.security.oauth2.client.registration.newsroom.*} and
 * {@code ...provider.newsroom.*} keys.
 *
 * @param rolesClaim the ID token claim with the person's newsroom roles (EDITOR, MODERATOR, ADMIN); Keycloak puts
 *                   realm roles in {@code realm_access.roles} unless a mapper adds a flat {@code roles} claim, so
 *                   a dotted path is accepted
 */
@ConfigurationProperties("newsroom.site.console")
public record ConsoleProperties(@DefaultValue("roles") String rolesClaim) {
}
