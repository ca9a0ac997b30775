package io.newsroom.article.editorial;

import io.newsroom.article.editorial.ArticleCopy.BylineCopy;
import io.newsroom.article.editorial.ArticleCopy.DatelineCopy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workflow rules, without a database. */
class ArticleTest {

    private static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");

    static ArticleCopy copy(String headline) {
        return new ArticleCopy(headline, "Standfirst", new DatelineCopy("Jerusalem", "Asia/Jerusalem"),
                List.of(new BylineCopy("Dana Reporter", null)), "<p>Body</p>", "world",
                List.of("  Middle  East ", "middle east", "Gaza"), null, null, null);
    }

    private final Article draft = Article.draft(UUID.randomUUID(), "slug", copy("Headline"), T0);

    @Test
    void aDraftCanBePublishedAndEveryStepBumpsTheVersion() {
        Article published = draft.publish(T0.plusSeconds(60), T0.plusSeconds(60));
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(published.version()).isEqualTo(draft.version() + 1);
    }

    @Test
    void republicationKeepsTheFirstPublicationTime() {
        Article again = draft.publish(T0, T0).unpublish("legal", T0.plusSeconds(5)).publish(T0.plusSeconds(9), T0.plusSeconds(9));
        assertThat(again.publishedAt()).isEqualTo(T0);
        assertThat(again.unpublishReason()).isNull();
    }

    @Test
    void scheduleThenCancel() {
        Article scheduled = draft.schedule(T0.plusSeconds(3600), T0);
        assertThat(scheduled.scheduledFor()).isEqualTo(T0.plusSeconds(3600));
        Article back = scheduled.unschedule(T0);
        assertThat(back.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(back.scheduledFor()).isNull();
    }

    @Test
    void illegalSteps() {
        Article published = draft.publish(T0, T0);
        assertThatThrownBy(() -> published.publish(T0, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> published.schedule(T0, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.unpublish("why", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.correct("typo", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.unschedule(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void correctionsAreAppendedToPublishedArticles() {
        Article corrected = draft.publish(T0, T0).correct("An earlier version misspelt the minister's name.", T0.plusSeconds(1));
        assertThat(corrected.corrections()).singleElement()
                .satisfies(c -> assertThat(c.text()).startsWith("An earlier version"));
    }

    @Test
    void tagsAreNormalizedInOrder() {
        assertThat(draft.tags()).containsExactly("middle east", "gaza");
    }
}
