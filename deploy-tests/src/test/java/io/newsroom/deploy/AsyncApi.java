package io.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The Kafka facts of events/asyncapi.yaml: one topic per channel, and who consumes what in which group. */
record AsyncApi(Map<String, Topic> topics, List<Subscription> subscriptions) {

    static final Path FILE = Path.of("events/asyncapi.yaml");

    /** Partitions, replicas and topic configuration (values as Kafka strings: lists joined with commas). */
    record Topic(String name, int partitions, int replicas, Map<String, String> config) {
    }

    /** A receive operation: the consumer group reads the topic. */
    record Subscription(String group, String topic) {
    }

    static AsyncApi load() {
        try {
            JsonNode document = new YAMLMapper().readTree(Kustomize.root().resolve(FILE).toFile());
            Map<String, Topic> topics = new LinkedHashMap<>();
            Map<String, String> topicOfChannel = new LinkedHashMap<>();
            document.path("channels").fields().forEachRemaining(channel -> {
                JsonNode kafka = channel.getValue().path("bindings").path("kafka");
                String name = kafka.path("topic").asText(channel.getValue().path("address").asText());
                Map<String, String> config = new LinkedHashMap<>();
                kafka.path("topicConfiguration").fields().forEachRemaining(entry ->
                        config.put(entry.getKey(), kafkaValue(entry.getValue())));
                topics.put(name, new Topic(name, kafka.path("partitions").asInt(-1), kafka.path("replicas").asInt(-1), config));
                topicOfChannel.put("#/channels/" + channel.getKey(), name);
            });
            List<Subscription> subscriptions = StreamSupport.stream(document.path("operations").spliterator(), false)
                    .filter(operation -> operation.path("action").asText().equals("receive"))
                    .map(operation -> new Subscription(
                            operation.path("bindings").path("kafka").path("groupId").path("const").asText(),
                            topicOfChannel.get(operation.path("channel").path("$ref").asText())))
                    .toList();
            return new AsyncApi(topics, subscriptions);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** [compact, delete] becomes "compact,delete"; numbers stay as written. */
    static String kafkaValue(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","));
        }
        return value.asText();
    }
}
