package io.newsroom.edge.security;

import io.newsroom.edge.problem.ProblemWriter;
import io.newsroom.edge.problem.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 as problem+json, and 503 when a token cannot be checked at all. The bearer-token handlers run first and set the status and RFC 6750's
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
        if (failure instanceof AuthenticationServiceException) {
            // The token could not be checked (the issuer's keys cannot be fetched): nothing the client did wrong.
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemWriter.write(request, response, Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Service unavailable", "The bearer token cannot be checked right now; try again shortly."));
            return;
        }
        bearerEntryPoint.commence(request, response, failure);
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        ProblemWriter.write(request, response, Problems.detail(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", tokenSent ? "The bearer token is invalid or has expired."
                        : "This operation needs a bearer token."));
    }

    /**
     * Spring Security rethrows an {@link AuthenticationServiceException} from the bearer-token filter, which ends
     * as a 500; this hands it to {@link #commence} instead.
     */
    ObjectPostProcessor<BearerTokenAuthenticationFilter> forBearerTokens() {
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(this);
        failures.setRethrowAuthenticationServiceException(false);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        ProblemWriter.write(request, response, Problems.detail(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The token does not carry the role this operation needs."));
    }
}
