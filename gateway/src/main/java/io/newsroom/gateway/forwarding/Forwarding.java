package io.newsroom.gateway.forwarding;

/**
 * What the gateway tells a service about the request the client made: the client address it resolved and the
 * scheme, host[:port] and port the client used, so that the service builds gateway URLs.
 *
 * @param clientAddress the address {@code ClientAddressResolver} resolved (one address, never a list)
 * @param proto         {@code http} or {@code https}
 * @param host          host[:port] as the client sent it
 * @param port          the port the client connected to
 */
public record Forwarding(String clientAddress, String proto, String host, int port) {

    /** {@code https://news.example} or {@code http://localhost:8080}: scheme and authority, no path. */
    public String origin() {
        return proto + "://" + host;
    }
}
