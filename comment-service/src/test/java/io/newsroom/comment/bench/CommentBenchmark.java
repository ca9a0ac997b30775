package io.newsroom.comment.bench;

import io.newsroom.comment.CommentServiceApplication;
import io.newsroom.comment.articles.Articles;
import io.newsroom.comment.posting.FormTokens;
import io.newsroom.comment.support.ArticleFeed;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.LocalPostgres;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Comment posting and thread reads over loopback HTTP against the real service (real PostgreSQL and
 * Kafka from local-infra, outbox relay running). Not a test: run it as described in README.md.
 * Arguments (all optional): posts, reads, concurrency. Prints req/s, p50 and p99 per phase.
 */
public final class CommentBenchmark {

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;

        LocalPostgres postgres = LocalPostgres.shared();
        String database = "comments_bench_" + System.currentTimeMillis();
        postgres.createDatabase(database);
        LocalIssuer issuer = LocalIssuer.shared();
        String kafka = LocalKafka.shared().bootstrapServers();

        ConfigurableApplicationContext app = new SpringApplication(CommentServiceApplication.class).run(
                "--server.port=0",
                // its own management port: the default (9082) is taken whenever a devstack runs on the machine
                "--management.server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                // The benchmark is one client posting a lot: lift the flood limits so they do not shape the figures.
                "--newsroom.comments.posting.flood.per-email-per-minute=1000000",
                "--newsroom.comments.posting.flood.per-address-per-minute=1000000",
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            UUID article = UUID.randomUUID();
            app.getBean(Articles.class).apply(ArticleFeed.published(article, 1, true));
            String token = app.getBean(FormTokens.class).issue(article, Instant.now().minusSeconds(60));
            HttpTestClient client = HttpTestClient.loopback(port);

            IntFunction<HttpTestResponse> post = i -> client.post("/articles/" + article + "/comments", """
                            {"body":"Benchmark comment %d: a fair point about the story, see https://news.example/%d",
                             "authorName":"Reader %d","email":"reader%d@example.org","formToken":"%s","website":""}"""
                            .formatted(i, i, i, i, token));
            IntFunction<HttpTestResponse> read = i -> client.get("/articles/" + article
                    + "/comments?limit=20&order=" + (i % 2 == 0 ? "oldest" : "newest"));

            run("warm-up posts", post, 500, concurrency, 201);
            run("warm-up reads", read, 1_000, concurrency, 200);
            run("POST comment", i -> post.apply(i + 1_000_000), posts, concurrency, 201);
            run("GET thread page (20 threads)", read, reads, concurrency, 200);
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private static void run(String name, IntFunction<HttpTestResponse> request, int count,
                            int concurrency, int expectedStatus) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                futures.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            if (request.apply(i).status() != expectedStatus) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%-30s %6d req, concurrency %d: %8.0f req/s, p50 %6.2f ms, p99 %6.2f ms, failures %d%n",
                name, count, concurrency, count / seconds, latencies[count / 2] / 1e6,
                latencies[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6, failures.get());
    }
}
