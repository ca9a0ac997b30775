package io.newsroom.edge.openapi;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.edge.api.*}: what a service's OpenAPI document says about itself. The server is the
 * gateway's {@code /api/v1} (relative, so "Try it out" goes through whichever gateway serves the page).
 */
@ConfigurationProperties("newsroom.edge.api")
public record ApiProperties(@DefaultValue("Newsroom API") String title, @Nullable String description,
                            @DefaultValue("v1") String version, @DefaultValue("/api/v1") String server,
                            @DefaultValue("true") boolean rateLimited) {
}
