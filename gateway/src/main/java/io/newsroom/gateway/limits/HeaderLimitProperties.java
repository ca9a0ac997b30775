package io.newsroom.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request header section the gateway accepts (names, values and separators). The
 *                server's own limit, {@code server.max-http-request-header-size}, must stay above it, so that
 *                requests over this limit reach {@link HeaderLimitFilter} and get a problem body.
 */
@ConfigurationProperties("newsroom.gateway.header-limits")
public record HeaderLimitProperties(DataSize maxSize) {

    public HeaderLimitProperties {
        maxSize = maxSize == null ? DataSize.ofKilobytes(16) : maxSize;
    }
}
