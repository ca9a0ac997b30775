package io.newsroom.gateway.errors;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * The last resort for errors nobody above Netty could describe: Netty's own answers to requests it cannot decode
 * (414 for a request line over {@code server.netty.max-initial-line-length}, 431 for a head over
 * {@code server.max-http-request-header-size}, 400 for garbage) and Spring's 400 for a request target that is not
 * a URI all go out with an empty body. This handler, right after reactor's HTTP codec, gives any error response
 * (4xx/5xx) that has no body and no Content-Type a small problem+json body. It looks at the status of each
 * response head only; everything else passes untouched. A HEAD answer gets the same Content-Type and
 * Content-Length as the GET answer would (RFC 9110 9.3.2) but stays bodiless.
 */
@Component
public class NettyProblemBodies implements NettyServerCustomizer {

    static final String HANDLER_NAME = "newsroom.problemBodies";

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler());
            }
        });
    }

    static byte[] body(int status) {
        String detail = switch (status) {
            case 400 -> "The request could not be parsed.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request line is longer than the server accepts.";
            case 431 -> "The request headers are larger than the server accepts.";
            default -> ProblemTypes.title(status) + ".";
        };
        // Fixed texts only: nothing from the request is echoed, so no JSON escaping is needed.
        return ("{\"type\":\"" + ProblemTypes.forStatus(status) + "\",\"title\":\"" + ProblemTypes.title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** One per connection. */
    static final class Handler extends ChannelDuplexHandler {

        private boolean head;
        private byte[] pendingBody;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                head = HttpMethod.HEAD.equals(request.method());
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && isBareError(response)) {
                int status = response.status().code();
                byte[] body = body(status);
                if (head) {
                    describe(response, body.length);
                    super.write(ctx, msg, promise);
                    return;
                }
                if (msg instanceof FullHttpResponse full) {
                    if (full.content().isReadable()) {
                        super.write(ctx, msg, promise);
                        return;
                    }
                    FullHttpResponse replaced = new DefaultFullHttpResponse(full.protocolVersion(), full.status(),
                            Unpooled.wrappedBuffer(body), full.headers().copy(), full.trailingHeaders().copy());
                    describe(replaced, body.length);
                    full.release();
                    super.write(ctx, replaced, promise);
                    return;
                }
                describe(response, body.length);
                pendingBody = body;
                super.write(ctx, msg, promise);
                return;
            }
            if (pendingBody != null && msg instanceof LastHttpContent last) {
                byte[] body = pendingBody;
                pendingBody = null;
                if (!last.content().isReadable()) {
                    ByteBuf content = Unpooled.wrappedBuffer(body);
                    LastHttpContent replaced = new DefaultLastHttpContent(content);
                    replaced.trailingHeaders().set(last.trailingHeaders());
                    last.release();
                    super.write(ctx, replaced, promise);
                    return;
                }
            }
            super.write(ctx, msg, promise);
        }

        private boolean isBareError(HttpResponse response) {
            // A HEAD answer has no body to measure: Spring leaves it chunked, without a Content-Length.
            long length = HttpUtil.getContentLength(response, head ? 0L : -1L);
            return response.status().code() >= 400
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                    && length == 0L;
        }

        private static void describe(HttpResponse response, int length) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            HttpUtil.setContentLength(response, length);
        }
    }
}
