package io.newsroom.gateway.errors;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import jakarta.validation.ConstraintViolationException;
import io.newsroom.gateway.resilience.ResilienceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every error raised inside the gateway into problem+json: no route (404), a service that cannot be
 * reached or whose breaker is open (503 + Retry-After, at once, never a hang), a service too slow (504).
 * Runs before Boot's default handler (order -1).
 */
@Component
@Order(-2)
public class GatewayErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    private final ProblemResponses problems;
    private final long retryAfterSeconds;

    public GatewayErrors(ProblemResponses problems, ResilienceProperties resilience) {
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, resilience.retryAfter().toSeconds());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (status.is5xxServerError() && !isUpstreamFailure(status)) {
            log.error("Unexpected gateway error on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error);
        }
        ProblemDetail problem = ProblemResponses.problem(exchange, status, detail(exchange, status, error));
        if (error instanceof ConstraintViolationException violations) {
            problem.setProperty("errors", violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList());
        }
        return problems.write(exchange, problem);
    }

    /** One entry of the {@code errors} property, as every newsroom service writes it. */
    record FieldError(String field, String message) {
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException statusException) {
            return statusException.getStatusCode();
        }
        if (error instanceof ConstraintViolationException) {
            return HttpStatus.BAD_REQUEST;
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(error.getClass(), ResponseStatus.class);
        if (annotated != null) {
            return annotated.code(); // e.g. the gateway's ServiceUnavailableException for an open breaker
        }
        if (isUnreachable(error)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (error instanceof TimeoutException || error.getCause() instanceof TimeoutException) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof CallNotPermittedException
                    || t instanceof PrematureCloseException || t instanceof AbortedException
                    || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpstreamFailure(HttpStatusCode status) {
        return status.value() == 502 || status.value() == 503 || status.value() == 504;
    }

    private static String detail(ServerWebExchange exchange, HttpStatusCode status, Throwable error) {
        String service = serviceOf(exchange);
        if (error instanceof ResponseStatusException rse && rse.getReason() != null
                && !(error instanceof NoResourceFoundException)) {
            return rse.getReason(); // said on purpose, e.g. "No published article at this slug."
        }
        return switch (status.value()) {
            case 404 -> "Nothing is routed at %s %s.".formatted(exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value());
            case 503 -> "%s is unavailable right now; retry later.".formatted(service);
            case 504 -> "%s did not answer in time.".formatted(service);
            case 500 -> "The gateway failed to handle this request.";
            case 400 -> "The request is not valid.";
            default -> reasonPhrase(status);
        };
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null) {
            Object service = route.getMetadata().get("service");
            return service != null ? service.toString() : route.getId();
        }
        return "A service behind the gateway";
    }
}
