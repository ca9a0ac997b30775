package io.newsroom.gateway.access;

import io.newsroom.gateway.errors.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json (503 when a token cannot be checked), with the RFC 6750 {@code WWW-Authenticate} challenge clients expect. */
@Component
class ProblemAuthenticationHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerAuthenticationFailureHandler {

    private final ProblemResponses problems;

    ProblemAuthenticationHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badToken = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = badToken
                ? "The bearer token was rejected: " + safe(((OAuth2AuthenticationException) failure))
                : "This request needs a bearer token.";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    /**
     * A bad token is the entry point's 401. A token that could not be checked at all (the issuer's keys cannot be
     * fetched) is a 503 to retry; Spring Security would rethrow it, and the client would see a 500.
     */
    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            exchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return problems.write(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
                    "The bearer token cannot be checked right now; try again shortly.");
        }
        return commence(exchange.getExchange(), failure);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, "The token does not carry a role this request needs.");
    }

    /** The validator's description says what was wrong (expired, audience...) without echoing the token. */
    private static String safe(OAuth2AuthenticationException failure) {
        String description = failure.getError().getDescription();
        return description == null ? failure.getError().getErrorCode() : description;
    }
}
