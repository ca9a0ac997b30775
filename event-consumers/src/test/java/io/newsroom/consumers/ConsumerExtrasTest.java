package io.newsroom.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsumerExtrasTest {

    @Test
    void severalServiceBeansAddUp() {
        var indexing = ConsumerExtras.deadLetterTopicsFor("news.article", "news.comment")
                .retryUntilBackOn(IllegalStateException.class)
                .reasonFrom(IllegalArgumentException.class);
        var other = ConsumerExtras.deadLetterTopicsFor("news.article").retryUntilBackOn(UnsupportedOperationException.class);

        var merged = ConsumerExtras.NONE.and(indexing).and(other);

        assertThat(merged.deadLetterTopicsFor()).containsExactly("news.article", "news.comment");
        assertThat(merged.outages()).containsExactly(IllegalStateException.class, UnsupportedOperationException.class);
        assertThat(merged.reasons()).containsExactly(IllegalArgumentException.class);
    }
}
