package io.newsroom.consumers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing dead-letter topics with as many partitions as their source topic, so a dead letter
 * keeps its source partition (events/asyncapi.yaml). The partition count is looked up, not configured:
 * production has 6, devstack 3, the tests whatever they created. Existing topics are left alone; if
 * one has fewer partitions, {@link DeadLetterPartitions} falls back to letting Kafka choose.
 */
public class DeadLetterTopics {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> adminConfig;

    public DeadLetterTopics(Map<String, Object> adminConfig) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    }

    public static String deadLetterTopicOf(String source) {
        return source + ".dlt";
    }

    /**
     * Makes sure {@code <source>.dlt} exists and returns its partition count. Startup must not fail
     * because Kafka is briefly away (the consumers would not run either), so failures are logged.
     */
    public int ensureFor(String source) {
        String dlt = deadLetterTopicOf(source);
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, TopicDescription> existing = describe(admin, List.of(source, dlt));
            if (existing.containsKey(dlt)) {
                int partitions = existing.get(dlt).partitions().size();
                int sourcePartitions = existing.containsKey(source) ? existing.get(source).partitions().size() : 0;
                if (partitions < sourcePartitions) {
                    log.warn("{} has {} partitions, fewer than {} ({}): dead letters of the higher partitions go "
                            + "to a partition Kafka chooses", dlt, partitions, source, sourcePartitions);
                }
                return partitions;
            }
            if (!existing.containsKey(source)) {
                log.warn("Cannot create {}: source topic {} does not exist yet", dlt, source);
                return 0;
            }
            TopicDescription sourceTopic = existing.get(source);
            int partitions = sourceTopic.partitions().size();
            short replicas = (short) sourceTopic.partitions().getFirst().replicas().size();
            try {
                admin.createTopics(List.of(new NewTopic(dlt, partitions, replicas)))
                        .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created {} with {} partitions, like {}", dlt, partitions, source);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return partitions;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not check or create {}: {}", dlt, e.toString());
            return 0;
        }
    }

    /** Descriptions of the topics that exist; missing ones are simply absent. */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> topics) throws Exception {
        Map<String, TopicDescription> found = new HashMap<>();
        var futures = admin.describeTopics(topics).topicNameValues();
        for (var entry : futures.entrySet()) {
            try {
                found.put(entry.getKey(), entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return found;
    }
}
