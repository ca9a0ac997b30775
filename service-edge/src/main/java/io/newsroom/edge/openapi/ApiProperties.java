package io.newsroom.edge.openapi;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.edge.api.*}: what a service's OpenAPI document says about itself. The server is the
 * gateway's {@code /api/v1} (relative, so "Try it out" goes through whichever gateway serves the page).
 * {@code resource-metadata}: this service's document also lists the RFC 9728 metadata that every 401 points at
 * (the gateway routes that path to one service, and that service documents it).
 */
@ConfigurationProperties("newsroom.edge.api")
public record ApiProperties(@DefaultValue("Newsroom API") String title, @Nullable String description,
                            @DefaultValue("v1") String version, @DefaultValue("/api/v1") String server,
                            @DefaultValue("true") boolean rateLimited,
                            @DefaultValue("false") boolean resourceMetadata) {
}
