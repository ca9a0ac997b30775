package io.newsroom.gateway.clientaddress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Finds the client address for rate limits and logs. Starting from the TCP peer, it walks
 * {@code X-Forwarded-For} from the right only while the hop that handed over the request is a trusted proxy;
 * the first address not vouched for by a trusted proxy is the client. A client that forges the header
 * therefore only ever adds entries to the left of what a trusted proxy appended, and they are never reached.
 */
@Component
public class ClientAddressResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trusted;

    public ClientAddressResolver(TrustedProxies proxies) {
        this.trusted = proxies.addresses().stream().map(AddressRange::parse).toList();
    }

    public String resolve(ServerHttpRequest request) {
        String current = peer(request);
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0 && isTrustedProxy(current); i--) {
            String hop = forwarded.get(i);
            if (!isIpLiteral(hop)) {
                break; // garbage from further left: the last trusted proxy's peer is as far as we can believe
            }
            current = hop;
        }
        return current;
    }

    public boolean isTrustedProxy(String address) {
        return !trusted.isEmpty() && isIpLiteral(address) && trusted.stream().anyMatch(range -> range.contains(address));
    }

    public String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        return address == null ? remote.getHostString() : address.getHostAddress();
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> values = request.getHeaders().getValuesAsList(FORWARDED_FOR);
        List<String> hops = new ArrayList<>(values.size());
        for (String value : values) {
            String hop = value.trim();
            if (!hop.isEmpty()) {
                hops.add(hop);
            }
        }
        return hops;
    }

    private static boolean isIpLiteral(String value) {
        return AddressRange.literal(value) != null;
    }
}
