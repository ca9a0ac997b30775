package io.newsroom.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import reactor.core.scheduler.Schedulers;

/**
 * The token buckets in Redis: SCG's script ({@link TokenBucketScript}) sent as one {@code EVALSHA} on Lettuce's
 * asynchronous API, over the connection Boot configures (host, password, TLS, timeouts, fail fast while down).
 * SCG's {@code RedisRateLimiter} runs the same script through Spring Data Redis's reactive template, which per
 * request opens and closes a connection wrapper, serialises keys into buffers, reduces a {@code Flux} and builds a
 * header map; and it logs an error with a stack trace for every request while Redis is down. The keys are SCG's, so
 * replicas of either kind share one bucket during a rolling upgrade.
 *
 * <p>The connection is made off the request path, at start-up and then at most once a second while Redis cannot be
 * reached; until then {@link #take} fails at once and the request passes (fail open). Once made, Lettuce keeps it
 * and reconnects it; a Redis that restarted without the script gets it again with one {@code EVAL}.
 */
final class RedisTokenBuckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);
    private static final long RECONNECT_EVERY = Duration.ofSeconds(1).toNanos();

    private final RedisConnectionFactory factory;
    private final TokenBucketScript script = TokenBucketScript.load();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile RedisConnection connection;
    private volatile RedisClusterAsyncCommands<byte[], byte[]> commands;
    private volatile long lastAttempt = System.nanoTime() - RECONNECT_EVERY;

    RedisTokenBuckets(RedisConnectionFactory factory) {
        this.factory = factory;
        connect(); // at start-up, on the main thread: the first requests are limited too
    }

    /** Takes one request's tokens from bucket {@code id}: {@code [1 if allowed else 0, tokens left]}. */
    CompletionStage<List<Long>> take(String id, RedisPolicy policy) {
        RedisClusterAsyncCommands<byte[], byte[]> redis = commands;
        if (redis == null) {
            connectInBackground();
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis yet"));
        }
        byte[][] keys = keys(id);
        byte[][] arguments = policy.scriptArguments();
        try {
            return redis.<List<Long>>evalsha(script.sha1(), ScriptOutputType.MULTI, keys, arguments)
                    .exceptionallyCompose(failure -> noScript(failure)
                            ? redis.<List<Long>>eval(script.text(), ScriptOutputType.MULTI, keys, arguments)
                            : CompletableFuture.failedFuture(failure));
        } catch (RuntimeException ex) { // a closed connection may refuse the command before it is queued
            return CompletableFuture.failedFuture(ex);
        }
    }

    /** SCG's keys ({@code RedisRateLimiter.getKeys}): the braces keep both in one cluster slot. */
    private static byte[][] keys(String id) {
        String prefix = "request_rate_limiter.{" + id;
        return new byte[][] {(prefix + "}.tokens").getBytes(StandardCharsets.UTF_8),
                (prefix + "}.timestamp").getBytes(StandardCharsets.UTF_8)};
    }

    private static boolean noScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof RedisNoScriptException;
    }

    private void connectInBackground() {
        long now = System.nanoTime();
        if (now - lastAttempt < RECONNECT_EVERY || !connecting.compareAndSet(false, true)) {
            return;
        }
        lastAttempt = now;
        Schedulers.boundedElastic().schedule(() -> {
            try {
                connect();
            } finally {
                connecting.set(false);
            }
        });
    }

    /** Blocks up to the connect timeout: never on an event loop. */
    private void connect() {
        try {
            RedisConnection made = factory.getConnection();
            @SuppressWarnings("unchecked")
            var async = (RedisClusterAsyncCommands<byte[], byte[]>) made.getNativeConnection();
            connection = made;
            commands = async;
        } catch (RuntimeException ex) {
            log.debug("Rate limits: Redis not reachable yet ({}); requests pass unlimited", ex.getMessage());
        }
    }

    @Override
    public void destroy() {
        RedisConnection made = connection;
        if (made != null) {
            made.close();
        }
    }
}
