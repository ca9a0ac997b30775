package io.newsroom.site.security;

import io.newsroom.site.SiteProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Who the reader is, network-wise. Behind the gateway the TCP peer is the gateway, which names the reader in
 * {@code X-Forwarded-For}; that header is believed only from a peer in {@code newsroom.site.trusted-proxies},
 * otherwise the peer itself is the reader. The site passes the address on to the API (see {@code Gateway}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReaderAddress extends OncePerRequestFilter {

    static final String ATTRIBUTE = ReaderAddress.class.getName();

    private final List<IpAddressMatcher> trusted;

    ReaderAddress(SiteProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
        chain.doFilter(request, response);
    }

    String resolve(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || trusted.stream().noneMatch(m -> matches(m, peer))) {
            return peer;
        }
        // The nearest hop the trusted proxy saw is the last entry.
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() || !last.matches("[0-9A-Fa-f:.]+") ? peer : last;
    }

    private static boolean matches(IpAddressMatcher matcher, String address) {
        try {
            return matcher.matches(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The reader of the request being handled on this thread, if any. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
