package io.newsroom.devstack;

import io.newsroom.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the platform's topics before any service starts, with the cleanup policies of
 * {@code events/asyncapi.yaml} (one broker here, so replication 1 and fewer partitions). Left to
 * auto-creation, {@code news.article} would not be compacted and could not be replayed as state.
 */
final class LocalTopics {

    private static final int PARTITIONS = 3;

    private LocalTopics() {
    }

    static void create(String bootstrapServers) {
        long fourteenDays = Duration.ofDays(14).toMillis();
        long thirtyDays = Duration.ofDays(30).toMillis();
        var topics = List.of(
                topic(Topics.ARTICLE, Map.of("cleanup.policy", "compact")),
                topic(Topics.COMMENT, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(fourteenDays))),
                // a dead letter keeps its source partition number, so the DLTs match their sources
                topic(Topics.ARTICLE_DLT, Map.of("retention.ms", String.valueOf(thirtyDays))),
                topic(Topics.COMMENT_DLT, Map.of("retention.ms", String.valueOf(thirtyDays))));
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new DevstackException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while creating topics", e);
        }
    }

    private static NewTopic topic(String name, Map<String, String> config) {
        return new NewTopic(name, PARTITIONS, (short) 1).configs(config);
    }
}
