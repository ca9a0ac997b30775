package io.newsroom.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Base URLs of the services behind the gateway ({@code NEWSROOM_GATEWAY_SERVICES_ARTICLE} etc. in the
 * environment). The route table in application.yaml and the article page both read them.
 */
@Validated
@ConfigurationProperties("newsroom.gateway.services")
public record ServiceUrls(@NotNull URI article, @NotNull URI comment, @NotNull URI search) {
}
