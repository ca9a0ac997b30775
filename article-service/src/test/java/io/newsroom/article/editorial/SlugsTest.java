package io.newsroom.article.editorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void madeFromTheHeadline() {
        assertThat(Slugs.of("Israel Rebuffs Calls for Ceasefire Amid Ongoing Military Campaign Against Hezbollah"))
                .isEqualTo("israel-rebuffs-calls-for-ceasefire-amid-ongoing-military-campaign-against");
        assertThat(Slugs.of("Chinese submarine enters Japanese waters")).isEqualTo("chinese-submarine-enters-japanese-waters");
    }

    @Test
    void accentsApostrophesAndPunctuation() {
        assertThat(Slugs.of("Café owner’s 'best' year — ever!")).isEqualTo("cafe-owners-best-year-ever");
        assertThat(Slugs.of("  --Breaking--  ")).isEqualTo("breaking");
    }

    @Test
    void neverEmptyAndNeverTooLong() {
        assertThat(Slugs.of("!!!")).isEqualTo("article");
        assertThat(Slugs.of("word ".repeat(60))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }
}
