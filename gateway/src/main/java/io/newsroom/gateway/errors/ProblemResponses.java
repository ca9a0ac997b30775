package io.newsroom.gateway.errors;

import java.net.URI;

import io.newsroom.gateway.requestid.RequestIds;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the RFC 9457 {@code application/problem+json} body of every error the gateway itself produces
 * (filters write before any handler runs, so they cannot rely on the codecs of an annotated controller).
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, problem(exchange, status, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = bytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    public byte[] bytes(ProblemDetail problem) {
        return json.writeValueAsBytes(problem);
    }

    public static ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.forStatus(status.value()));
        problem.setTitle(ProblemTypes.title(status.value()));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
