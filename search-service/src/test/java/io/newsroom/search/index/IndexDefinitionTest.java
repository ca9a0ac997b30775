package io.newsroom.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replicas are a setting, not a constant in settings.json: with 0 replicas on a 3-node cluster any Elasticsearch pod
 * restart took search offline.
 */
class IndexDefinitionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyIndexTakesItsReplicasFromTheSetting() {
        for (String folder : new String[] {IndexDefinition.ARTICLES, IndexDefinition.COMMENT_COUNTS}) {
            for (int replicas : new int[] {0, 1, 2}) {
                JsonNode settings = JSON.readTree(IndexDefinition.load(folder, "english", replicas).settingsJson());
                assertThat(settings.path("number_of_replicas").asInt(-1)).as(folder).isEqualTo(replicas);
                assertThat(settings.path("number_of_replicas").isNumber()).as(folder).isTrue();
            }
        }
    }

    @Test
    void theAnalyzerIsStillFilledIn() {
        JsonNode settings = JSON.readTree(IndexDefinition.load(IndexDefinition.ARTICLES, "english", 1).settingsJson());
        assertThat(settings.path("analysis").path("analyzer").path("news_text").path("type").asString()).isEqualTo("english");
    }

    @Test
    void negativeReplicasAreRefused() {
        assertThatThrownBy(() -> IndexDefinition.load(IndexDefinition.ARTICLES, "english", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexProperties("articles", "english", "article-comment-counts", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
