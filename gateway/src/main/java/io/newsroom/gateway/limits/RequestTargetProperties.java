package io.newsroom.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxLength the longest request target (path and query, as sent) the gateway accepts; longer is 414
 *                  problem+json. Netty's own limit, {@code server.netty.max-initial-line-length}, must stay
 *                  above it (plus method and version), so such requests reach {@link RequestTargetFilter}.
 */
@ConfigurationProperties("newsroom.gateway.request-target")
public record RequestTargetProperties(DataSize maxLength) {

    public RequestTargetProperties {
        maxLength = maxLength == null ? DataSize.ofKilobytes(8) : maxLength;
    }
}
