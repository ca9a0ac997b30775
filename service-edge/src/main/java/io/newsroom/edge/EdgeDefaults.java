package io.newsroom.edge;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Boot settings every service shares, as the lowest-precedence defaults (any application.yaml, env var or
 * test property overrides them), so a service's configuration holds only what is its own.
 */
public class EdgeDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // RS256 and ES256 tokens, as CONVENTIONS.md promises; roles claim -> ROLE_* authorities.
            Map.entry("spring.security.oauth2.resourceserver.jwt.jws-algorithms", "RS256,ES256"),
            // Above the gateway's own limits (8 KB request target, 16 KB headers), so whatever the gateway lets
            // through is answered by the service; Tomcat's 8 KB default dropped such requests (the gateway saw 503).
            Map.entry("server.max-http-request-header-size", "32KB"),
            Map.entry("spring.security.oauth2.resourceserver.jwt.authorities-claim-name", "roles"),
            Map.entry("spring.security.oauth2.resourceserver.jwt.authority-prefix", "ROLE_"),
            Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            // A request waits at most 2 s for a database connection (Hikari's default is 30 s), below the gateway's
            // 3 s route timeout: with the database down the client gets the ProblemHandler's 503, not a hang or 504.
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            Map.entry("springdoc.api-docs.version", "openapi_3_1"),
            // Actuator: probes and metrics, on the management port each service sets (management.server.port).
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("newsroomEdgeDefaults", DEFAULTS));
    }
}
