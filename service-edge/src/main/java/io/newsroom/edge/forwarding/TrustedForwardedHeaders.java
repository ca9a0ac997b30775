package io.newsroom.edge.forwarding;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.GenericFilterBean;

import java.io.IOException;
import java.util.List;

/**
 * Spring's {@link ForwardedHeaderFilter}, applied only when the TCP peer is a trusted proxy (the gateway):
 * then {@code getRemoteAddr()} is the reader's address from {@code X-Forwarded-For}, and scheme, host, port
 * and the {@code X-Forwarded-Prefix} ({@code /api/v1}) make every URL we build a gateway URL. From anyone
 * else the headers are removed, so a client cannot claim another address or host.
 */
public class TrustedForwardedHeaders extends GenericFilterBean {

    private final List<IpAddressMatcher> trusted;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    public TrustedForwardedHeaders(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
        this.remove.setRemoveOnly(true);
    }

    /** Delegates every dispatch: the wrapped filters themselves re-apply on error and async dispatches. */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        (isTrusted(request.getRemoteAddr()) ? apply : remove).doFilter(request, response, chain);
    }

    boolean isTrusted(String peer) {
        return trusted.stream().anyMatch(matcher -> matcher.matches(peer));
    }
}
