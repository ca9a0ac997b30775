package io.newsroom.comment.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 and 403 as RFC 9457 problems like every other error of the service. The bearer-token handlers
 * still set the status and the {@code WWW-Authenticate} header (RFC 6750), so clients that read the
 * header keep working; only the empty body becomes a problem document. The details stay generic: why
 * a token failed is in the header's {@code error_description}, not spelled out for a prober.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String TYPE_BASE = "https://newsroom.example/problems/";

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        boolean tokenSent = request.getHeader("Authorization") != null;
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                tokenSent ? "The bearer token is invalid or has expired."
                        : "This endpoint needs a bearer token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your token does not carry the role this endpoint needs.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
