package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.security.LocalIssuer;
import io.newsroom.search.SearchApplication;
import io.newsroom.search.support.EventPublisher;
import io.newsroom.search.support.NewsEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts real local Elasticsearch + Kafka and the service on them; generates articles. Benchmarks only. */
final class BenchSupport {

    private static final String[] WORDS = ("government minister election council budget storm flood coast harbour "
            + "strike union court ruling appeal police investigation hospital doctors vaccine school teachers "
            + "students university research climate energy prices inflation bank market shares company profits "
            + "football league final championship coach player transfer museum festival film music album tour "
            + "ceasefire talks border troops peace treaty summit leaders trade tariffs exports farmers harvest "
            + "drought wildfire earthquake rescue volunteers village city mayor transport railway airport airline "
            + "pilots engineers bridge road tunnel housing rents tenants landlords water supply power outage grid "
            + "solar wind nuclear plant emissions ocean fishing quota whales forest wildlife park tourism hotel "
            + "restaurant chef prize award author novel poet theatre opera orchestra science space rocket satellite "
            + "telescope planet discovery fossil dinosaur ancient tomb archaeologists library archive report survey "
            + "poll voters campaign party coalition parliament senate bill law reform tax pension welfare").split(" ");
    static final String[] SECTIONS = {"world", "politics", "business", "sport", "culture", "science", "local"};

    private BenchSupport() {
    }

    static ConfigurableApplicationContext startService() {
        EventPublisher.createTopics(LocalKafka.shared().bootstrapServers());
        String es = LocalElasticsearch.shared().httpUri().toString();
        String kafka = LocalKafka.shared().bootstrapServers();
        return new SpringApplication(SearchApplication.class).run(
                "--server.port=0",
                "--spring.elasticsearch.uris=" + es,
                "--newsroom.search.elasticsearch-compatibility=8",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + LocalIssuer.shared().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + LocalIssuer.shared().jwkSetUri(),
                "--logging.level.root=WARN");
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static ArticlePublished article(Random random, int n) {
        String headline = capitalize(words(random, 6 + random.nextInt(5))) + " " + n;
        String body = capitalize(words(random, 200 + random.nextInt(200))) + ".";
        List<String> tags = new ArrayList<>(List.of(capitalize(WORDS[random.nextInt(WORDS.length)]),
                capitalize(WORDS[random.nextInt(WORDS.length)])));
        Instant publishedAt = Instant.now().minusSeconds(random.nextInt(3 * 365 * 24 * 3600));
        return NewsEvents.published(UUID.randomUUID(), 1, new NewsEvents.Copy(headline,
                capitalize(words(random, 25)), body, SECTIONS[random.nextInt(SECTIONS.length)], tags,
                List.of("Reporter " + random.nextInt(50)), "London", random.nextInt(20) == 0, publishedAt));
    }

    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
