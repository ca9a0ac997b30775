package io.newsroom.article.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problem+json too, keeping the RFC 6750 {@code WWW-Authenticate} header Spring Security sets. */
final class ProblemAuthenticationEntryPoint {

    private ProblemAuthenticationEntryPoint() {
    }

    static AuthenticationEntryPoint unauthorized() {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
        };
    }

    static AccessDeniedHandler forbidden() {
        var bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(response, HttpStatus.FORBIDDEN, "The token lacks the role this needs (EDITOR)");
        };
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
