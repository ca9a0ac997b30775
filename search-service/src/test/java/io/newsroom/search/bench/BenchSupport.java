package io.newsroom.search.bench;

import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.security.LocalIssuer;
import io.newsroom.search.SearchApplication;
import io.newsroom.search.support.EventPublisher;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts real local Elasticsearch + Kafka and the service on them; generates articles. Benchmarks only. */
final class BenchSupport {

    private BenchSupport() {
    }

    static ConfigurableApplicationContext startService(String... extra) {
        EventPublisher.createTopics(LocalKafka.shared().bootstrapServers());
        String es = LocalElasticsearch.shared().httpUri().toString();
        String kafka = LocalKafka.shared().bootstrapServers();
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.elasticsearch.uris=" + es,
                "--newsroom.search.elasticsearch-compatibility=8",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + LocalIssuer.shared().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + LocalIssuer.shared().jwkSetUri(),
                "--logging.level.root=WARN"));
        args.addAll(ProductionTracing.arguments());
        args.addAll(List.of(extra));
        return new SpringApplication(SearchApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Actuator (the Prometheus scrape) is on the management port only. */
    static int managementPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
    }

    /**
     * The articles and queries of a run: {@code -Dbench.corpus=news} (default, real Wikinews text) or
     * {@code uniform} (every word from a ~200-word vocabulary: each query matches nearly every article,
     * the worst case for scoring, facets and highlighting).
     */
    static Corpus corpus() {
        String name = System.getProperty("bench.corpus", "news");
        System.out.println("BENCH corpus: " + name);
        return switch (name) {
            case "news" -> new NewsCorpus();
            case "uniform" -> new UniformCorpus();
            default -> throw new IllegalArgumentException("bench.corpus is news or uniform, not " + name);
        };
    }

    /** The 1/5/15-minute load averages, to print next to figures from a shared machine. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Percentile of sorted values (nearest rank). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] sorted(List<Double> values) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
