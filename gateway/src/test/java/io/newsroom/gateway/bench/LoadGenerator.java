package io.newsroom.gateway.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Closed-loop load: {@code concurrency} virtual users on kept-alive connections, each sending the next request as
 * soon as the previous answer is read, for a fixed time. Bounded in count (buffer size) and time; loopback only.
 */
final class LoadGenerator {

    private static final int MAX_SAMPLES = 5_000_000;

    record Result(long requests, long errors, double perSecond, double p50Millis, double p99Millis) {
    }

    static Result run(String url, int concurrency, Duration duration) {
        ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(concurrency)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(pool).keepAlive(true);
        long[] samples = new long[MAX_SAMPLES];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        try {
            Flux.range(0, concurrency)
                    .flatMap(user -> Mono.defer(() -> once(client, url, samples, count, errors))
                            .repeat(() -> System.nanoTime() < deadline && count.get() < MAX_SAMPLES), concurrency)
                    .blockLast(duration.plusSeconds(30));
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(5));
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int n = Math.min(count.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new Result(n, errors.get(), n / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static Mono<Integer> once(HttpClient client, String url, long[] samples, AtomicInteger count,
                                      AtomicLong errors) {
        long sent = System.nanoTime();
        return client.get().uri(url)
                .responseSingle((response, body) -> body.map(ByteBuf::readableBytes).defaultIfEmpty(0)
                        .map(bytes -> response.status().code()))
                .doOnNext(status -> {
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    int slot = count.getAndIncrement();
                    if (slot < samples.length) {
                        samples[slot] = System.nanoTime() - sent;
                    }
                })
                .onErrorResume(failure -> {
                    errors.incrementAndGet();
                    return Mono.just(-1);
                });
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
