package io.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** asyncapi.yaml is what deploy/ generates topics from: it must agree with the code and the schema files. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");

    private final JsonNode asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.get("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void everyMessagePayloadFileExistsAndIsTheTypesSchema() {
        Set<String> documentedTypes = new HashSet<>();
        for (JsonNode message : asyncApi.get("components").get("messages")) {
            JsonNode ref = message.get("payload").get("$ref");
            if (ref == null) {
                continue; // dead letters: the original payload, whatever it was
            }
            Path payload = DOCUMENT.resolveSibling(ref.asString()).normalize();
            assertThat(payload).as("payload of %s", message.get("name")).isRegularFile();
            EventType type = EventType.fromCeType(message.get("name").asString()).orElseThrow();
            assertThat(payload.toString()).endsWith(type.schemaPath());
            documentedTypes.add(type.ceType());
        }
        assertThat(documentedTypes).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    }

    @Test
    void eachTypeIsDocumentedOnItsTopic() {
        for (EventType type : EventType.values()) {
            JsonNode channel = channelAt(type.topic());
            assertThat(channel.get("messages").toString()).as(type.ceType()).contains(messageIdOf(type));
        }
    }

    @Test
    void topicsCarryTheSettingsDeployCreatesThemWith() {
        JsonNode article = kafkaTopic(Topics.ARTICLE);
        assertThat(article.get("partitions").asInt()).isEqualTo(6);
        assertThat(article.get("replicas").asInt()).isEqualTo(3);
        assertThat(article.get("topicConfiguration").get("cleanup.policy").get(0).asString()).isEqualTo("compact");
        assertThat(article.get("topicConfiguration").get("min.insync.replicas").asInt()).isEqualTo(2);

        JsonNode comment = kafkaTopic(Topics.COMMENT);
        assertThat(comment.get("topicConfiguration").get("cleanup.policy").get(0).asString()).isEqualTo("delete");
        assertThat(comment.get("topicConfiguration").get("retention.ms").asLong()).isEqualTo(14L * 24 * 3600 * 1000);

        for (String deadLetters : new String[] {Topics.ARTICLE_DLT, Topics.COMMENT_DLT}) {
            JsonNode dlt = kafkaTopic(deadLetters);
            // A dead letter keeps its original partition, so the DLT needs at least as many.
            assertThat(dlt.get("partitions").asInt()).isEqualTo(6);
            assertThat(dlt.get("topicConfiguration").get("retention.ms").asLong()).isEqualTo(30L * 24 * 3600 * 1000);
        }
    }

    @Test
    void consumerGroupsAreTheServiceNames() {
        Set<String> groups = new HashSet<>();
        for (JsonNode operation : asyncApi.get("operations")) {
            JsonNode kafka = operation.path("bindings").path("kafka");
            if (kafka.has("groupId")) {
                groups.add(kafka.get("groupId").get("const").asString());
            }
        }
        assertThat(groups).containsExactlyInAnyOrder("search-service", "comment-service");
    }

    private JsonNode kafkaTopic(String topic) {
        JsonNode kafka = channelAt(topic).get("bindings").get("kafka");
        assertThat(kafka.get("topic").asString()).isEqualTo(topic);
        return kafka;
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : asyncApi.get("channels")) {
            if (channel.get("address").asString().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("No channel at address " + address);
    }

    private String messageIdOf(EventType type) {
        for (var entry : asyncApi.get("components").get("messages").properties()) {
            if (entry.getValue().get("name").asString().equals(type.ceType())) {
                return "#/components/messages/" + entry.getKey();
            }
        }
        throw new AssertionError("No message named " + type.ceType());
    }
}
