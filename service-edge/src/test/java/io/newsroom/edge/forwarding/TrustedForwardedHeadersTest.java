package io.newsroom.edge.forwarding;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedForwardedHeadersTest {

    private final TrustedForwardedHeaders filter = new TrustedForwardedHeaders(List.of("127.0.0.0/8", "::1", "10.1.0.0/16"));

    @Test
    void aTrustedPeersHeadersAreApplied() throws Exception {
        Seen seen = filter(fromGateway("10.1.2.3"));
        assertThat(seen.remoteAddr).isEqualTo("127.0.0.2");
        assertThat(seen.base).isEqualTo("https://news.example/api/v1");
    }

    @Test
    void anUntrustedPeersHeadersAreRemoved() throws Exception {
        Seen seen = filter(fromGateway("203.0.113.9"));
        assertThat(seen.remoteAddr).isEqualTo("203.0.113.9");
        assertThat(seen.base).isEqualTo("http://localhost");
        assertThat(seen.forwardedFor).isNull();
    }

    @Test
    void loopbackInBothFamiliesIsTrusted() {
        assertThat(filter.isTrusted("127.0.0.1")).isTrue();
        assertThat(filter.isTrusted("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(filter.isTrusted("192.168.1.1")).isFalse();
    }

    private static MockHttpServletRequest fromGateway(String peer) {
        var request = new MockHttpServletRequest("GET", "/articles");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", "127.0.0.2");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "news.example");
        request.addHeader("X-Forwarded-Prefix", "/api/v1");
        return request;
    }

    private record Seen(String remoteAddr, String base, String forwardedFor) {
    }

    private Seen filter(MockHttpServletRequest request) throws Exception {
        var seen = new AtomicReference<Seen>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest wrapped,
                                   jakarta.servlet.http.HttpServletResponse response) {
                RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(wrapped));
                try {
                    seen.set(new Seen(wrapped.getRemoteAddr(),
                            ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
                            wrapped.getHeader("X-Forwarded-For")));
                } finally {
                    RequestContextHolder.resetRequestAttributes();
                }
            }
        }));
        return seen.get();
    }
}
