package io.newsroom.gateway.errors;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's 4xx/5xx that is not {@code application/problem+json} (Tomcat's empty 400, Boot's error JSON) goes
 * to the client as a problem with the same status; a problem labelled with another charset than UTF-8 is
 * re-encoded as UTF-8 without the parameter. Decided from status and Content-Type when the body is about to be
 * written: success responses stream through untouched, only error bodies are dropped or re-read. A route with
 * the metadata {@code own-error-pages: true} (the reader site) keeps its error bodies: its 404, 410 and form pages
 * are HTML a browser shows, not API errors.
 */
@Component
public class UpstreamProblems implements GlobalFilter, Ordered {

    /** Before NettyWriteResponseFilter (-1), which writes the service's body to the response it is given. */
    static final int ORDER = -10;

    /** Route metadata: this service's error answers are pages for people and pass through as they are. */
    static final String OWN_ERROR_PAGES = "own-error-pages";

    private final ProblemResponses problems;

    public UpstreamProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && "true".equals(String.valueOf(route.getMetadata().get(OWN_ERROR_PAGES)))) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Decorated(exchange, problems)).build());
    }

    static boolean isProblem(MediaType type) {
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "This request needs valid credentials.";
            case 403 -> "This request is not allowed.";
            case 404 -> "Nothing was found at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation is available.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body's media type is not supported here.";
            default -> status >= 500 ? "The service failed to handle this request." : ProblemTypes.title(status) + ".";
        };
    }

    private static final class Decorated extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final ProblemResponses problems;

        Decorated(ServerWebExchange exchange, ProblemResponses problems) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.problems = problems;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getStatusCode();
            if (status == null || status.value() < 400) {
                return super.writeWith(body);
            }
            MediaType type = getHeaders().getContentType();
            if (isProblem(type)) {
                Charset charset = type.getCharset();
                if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(body)
                        .flatMap(buffer -> {
                            String text = buffer.toString(charset);
                            DataBufferUtils.release(buffer);
                            return write(MediaType.APPLICATION_PROBLEM_JSON, text.getBytes(StandardCharsets.UTF_8));
                        })
                        .switchIfEmpty(Mono.defer(() -> {
                            getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                            return super.writeWith(Flux.empty());
                        }));
            }
            ProblemDetail problem = ProblemResponses.problem(exchange, status, detail(status.value()));
            byte[] bytes = problems.bytes(problem);
            return Flux.from(body).doOnNext(DataBufferUtils::release)
                    .then(Mono.defer(() -> write(MediaType.APPLICATION_PROBLEM_JSON, bytes)));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            HttpStatusCode status = getStatusCode();
            if (status == null || status.value() < 400) {
                return super.writeAndFlushWith(body);
            }
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        private Mono<Void> write(MediaType type, byte[] bytes) {
            ServerHttpResponse delegate = getDelegate();
            HttpHeaders headers = delegate.getHeaders();
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentType(type);
            headers.setContentLength(bytes.length);
            return delegate.writeWith(Mono.just(delegate.bufferFactory().wrap(bytes)));
        }
    }
}
