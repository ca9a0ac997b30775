package io.newsroom.edge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * HEAD on the RFC 9728 protected-resource metadata ({@code /.well-known/oauth-protected-resource}) answers like
 * GET. Spring Security's metadata filter matches GET only, so a HEAD would fall through to "authenticated" and
 * answer 401. Here the request is shown to the chain as a GET; Tomcat still knows it is a HEAD and sends the
 * headers (Content-Type, Content-Length) without the body.
 */
final class MetadataHeadRequests extends OncePerRequestFilter {

    static final String PATH = "/.well-known/oauth-protected-resource";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"HEAD".equals(request.getMethod()) || !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
