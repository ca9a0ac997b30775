package io.newsroom.edge.security;

import io.newsroom.edge.problem.ProblemWriter;
import io.newsroom.edge.problem.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 as problem+json. The bearer-token handlers run first and set the status and RFC 6750's
 * {@code WWW-Authenticate} (with {@code resource_metadata} built from the forwarded, i.e. gateway, URL); only
 * the empty body becomes a problem. Details stay generic: why a token failed is the header's business, and
 * an exception's message is never shown to a prober.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        ProblemWriter.write(request, response, Problems.detail(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", tokenSent ? "The bearer token is invalid or has expired."
                        : "This operation needs a bearer token."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        ProblemWriter.write(request, response, Problems.detail(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The token does not carry the role this operation needs."));
    }
}
