package io.newsroom.article.publishing;

import io.newsroom.article.ArticleServiceTest;
import io.newsroom.infra.TopicReader;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleCopy;
import io.newsroom.article.editorial.ArticleCopy.BylineCopy;
import io.newsroom.article.editorial.ArticleCopy.DatelineCopy;
import io.newsroom.article.editorial.Editorial;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventSchemas;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka down never fails an editor, and once it is back every event goes out, in per-article
 * order, each valid against its schema. Duplicates are allowed by the contract; they are counted.
 */
@ArticleServiceTest
class ArticleEventsOutageIT {

    private static final int ARTICLES = 500;

    @Autowired
    Editorial editorial;

    @Test
    void publishing500ArticlesWhileTheBrokerIsDownLosesNothing() {
        LocalKafka kafka = LocalKafka.shared();
        // Everything already relayed is out of the way, so the outage hits only this test's events.
        Map<String, List<Long>> expected = new HashMap<>();
        kafka.stop();
        Instant started = Instant.now();
        try {
            for (int i = 0; i < ARTICLES; i++) {
                Article draft = editorial.createDraft(copy("Outage story " + i + " " + UUID.randomUUID()), "alice");
                Article published = editorial.publish(draft.id(), draft.version(), "alice");
                Article corrected = editorial.correct(published.id(), published.version(), "Fixed a typo.", "bob");
                expected.put(Topics.keyFor(draft.id()), List.of(published.version(), corrected.version()));
            }
        } finally {
            System.out.printf("Outage: %d publications + corrections written in %d ms with Kafka down%n",
                    ARTICLES, Duration.between(started, Instant.now()).toMillis());
            kafka.start();
        }

        int wanted = ARTICLES * 2;
        Map<String, List<Long>> firstSeen = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        int duplicates = 0;
        int received = 0;
        try (var reader = new TopicReader(kafka.bootstrapServers(), Topics.ARTICLE)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int offset = 0;
            while (received < wanted && System.nanoTime() < deadline) {
                List<ConsumerRecord<String, byte[]>> records = reader.await(Integer.MAX_VALUE, Duration.ofMillis(500));
                for (var record : records.subList(offset, records.size())) {
                    if (!expected.containsKey(record.key())) {
                        continue; // other tests' articles
                    }
                    EventEnvelope envelope = EventEnvelope.fromHeaders(headers(record));
                    String json = new String(record.value(), StandardCharsets.UTF_8);
                    EventSchemas.validate(envelope.type(), json);
                    long version = JsonMapper.builder().build().readTree(json).get("version").asLong();
                    if (!eventIds.add(envelope.id())) {
                        duplicates++;
                        continue;
                    }
                    firstSeen.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(version);
                    received++;
                }
                offset = records.size();
            }
        }
        System.out.printf("Outage: %d of %d events arrived after the restart, %d duplicates%n", received, wanted, duplicates);
        assertThat(received).isEqualTo(wanted);
        assertThat(firstSeen).isEqualTo(expected);
    }

    private static Map<String, Object> headers(ConsumerRecord<String, byte[]> record) {
        var headers = new HashMap<String, Object>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    private static ArticleCopy copy(String headline) {
        return new ArticleCopy(headline, "Standfirst", new DatelineCopy("Nairobi", "Africa/Nairobi"),
                List.of(new BylineCopy("Dana Reporter", null)), "<p>Body</p>", "world", List.of("outage"), null, true, null);
    }
}
