package io.newsroom.gateway.clientaddress;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The load balancers / ingress controllers allowed to tell the gateway who the client is, as addresses or CIDR
 * ranges ({@code 10.0.0.0/8}). Empty by default: then {@code X-Forwarded-For} is never believed.
 */
@ConfigurationProperties("newsroom.gateway.trusted-proxies")
public record TrustedProxies(List<String> addresses) {

    public TrustedProxies {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
