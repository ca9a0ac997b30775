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
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The site's own URLs (sign-in redirects, the page a person asked for before signing in) must be the gateway's,
 * which names itself in {@code X-Forwarded-Host/-Proto/-Port/-Prefix}. Those headers are applied (Spring's
 * {@link ForwardedHeaderFilter}) only from {@code newsroom.site.trusted-proxies}; from anyone else they are removed.
 * Runs after {@link ReaderAddress}, which has already read {@code X-Forwarded-For} its own way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ForwardedFromGateway extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trusted;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    ForwardedFromGateway(SiteProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
        remove.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        boolean fromGateway = trusted.stream().anyMatch(m -> {
            try {
                return m.matches(peer);
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
        (fromGateway ? apply : remove).doFilter(request, response, chain);
    }
}
