package io.newsroom.gateway.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.netty.buffer.ByteBuf;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Open-loop load at a fixed rate, in its own JVM (wrk2 is not in Debian, nor oha or vegeta): request {@code i} is
 * due at {@code start + i / rate} whether or not earlier answers came back, and its latency counts from that due
 * time, so a stall shows up in every request it delays (no coordinated omission). Prints one line
 * {@code RESULT <sent> <errors> <p50 ms> <p99 ms> <p99.9 ms> <max ms> <late sends>}.
 *
 * <p>Arguments: url, rate (req/s), seconds.
 */
public final class OpenLoopLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int total = rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;

        ConnectionProvider pool = ConnectionProvider.builder("open-loop").maxConnections(512)
                .pendingAcquireMaxCount(-1).build();
        // a load generator (Reactor Netty, up to 512 connections, open loop), not a test's client: HttpTestClient is not used here
        HttpClient client = HttpClient.create(pool).keepAlive(true).responseTimeout(Duration.ofSeconds(10));
        // Warm the pool (and this JVM's client path) so the first measured requests do not pay connects.
        for (int i = 0; i < 200; i++) {
            client.get().uri(url).responseSingle((r, body) -> body.asByteArray()).block(Duration.ofSeconds(10));
        }

        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(total);
        long late = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(1)) {
                late++; // this generator fell behind its own schedule (the latency still counts from `due`)
            }
            int slot = i;
            client.get().uri(url)
                    .responseSingle((response, body) -> body.map(ByteBuf::readableBytes).defaultIfEmpty(0)
                            .map(bytes -> response.status().code()))
                    .subscribe(status -> {
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        latencies[slot] = System.nanoTime() - due;
                        done.incrementAndGet();
                        finished.countDown();
                    }, failure -> {
                        errors.incrementAndGet();
                        latencies[slot] = System.nanoTime() - due;
                        finished.countDown();
                    });
        }
        finished.await(30, TimeUnit.SECONDS);
        pool.disposeLater().block(Duration.ofSeconds(5));
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT %d %d %.3f %.3f %.3f %.3f %d%n", total, errors.get() + finished.getCount(), at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6, late);
        System.exit(0);
    }

    private static double at(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
