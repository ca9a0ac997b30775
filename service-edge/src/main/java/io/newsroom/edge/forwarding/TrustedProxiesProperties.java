package io.newsroom.edge.forwarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code newsroom.edge.trusted-proxies}: the peers (addresses or CIDR ranges) whose {@code X-Forwarded-*}
 * headers a service believes: the gateway. Default loopback, where the gateway runs locally; in a cluster set
 * the gateway's pod network range.
 */
@ConfigurationProperties("newsroom.edge")
public record TrustedProxiesProperties(@DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies) {
}
