package io.newsroom.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReaderConcurrencyLimitTest {

    private final ReaderConcurrencyLimit limit = new ReaderConcurrencyLimit(0);

    @Test
    void limitsReaderQueriesAlsoBehindTheGatewayPrefix() {
        assertThat(limit.shouldNotFilter(get("", "/search"))).isFalse();
        assertThat(limit.shouldNotFilter(get("/api/v1", "/api/v1/search"))).isFalse();
        assertThat(limit.shouldNotFilter(get("/api/v1", "/api/v1/articles/a1/related"))).isFalse();
        assertThat(limit.shouldNotFilter(get("/api/v1", "/api/v1/v3/api-docs"))).isTrue();
    }

    @Test
    void overloadIsAProblemWithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(get("/api/v1", "/api/v1/search"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"https://newsroom.example/problems/unavailable\"", "\"status\":503",
                        "\"instance\":\"/api/v1/search\"");
    }

    private static MockHttpServletRequest get(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        return request;
    }
}
