package io.newsroom.comment.moderation;

import io.newsroom.comment.CommentStatus;
import io.newsroom.comment.ModerationPolicy;
import io.newsroom.comment.articles.Article;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationRulesTest {

    private final ModerationRules rules = rules(ModerationPolicy.POST, false);

    @Test
    void bannedWordMakesSpamEvenInDisguise() {
        assertThat(rules.assess("Visit my CASINO tonight", article(null), false).status()).isEqualTo(CommentStatus.SPAM);
        assertThat(rules.assess("full-width ｃａｓｉｎｏ", article(null), false).status()).isEqualTo(CommentStatus.SPAM);
        assertThat(rules.assess("buy cheap pills", article(null), false).status()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void wordsMatchWholeWordsOnly() {
        assertThat(rules.assess("Casinos of Monaco", article(null), false)).isEqualTo(RuleVerdict.VISIBLE);
    }

    @Test
    void suspectWordHolds() {
        assertThat(rules.assess("Crypto is the future", article(null), false))
                .isEqualTo(RuleVerdict.held("suspect word: Crypto"));
    }

    @Test
    void moreThanMaxLinksHolds() {
        assertThat(rules.assess("https://a.example http://b.example", article(null), false)).isEqualTo(RuleVerdict.VISIBLE);
        assertThat(rules.assess("https://a.example http://b.example www.c.example", article(null), false).status())
                .isEqualTo(CommentStatus.HELD);
    }

    @Test
    void preModerationHoldsGloballyOrPerArticle() {
        assertThat(rules(ModerationPolicy.PRE, false).assess("Fine", article(null), false).status())
                .isEqualTo(CommentStatus.HELD);
        assertThat(rules(ModerationPolicy.PRE, false).assess("Fine", article(ModerationPolicy.POST), false))
                .isEqualTo(RuleVerdict.VISIBLE);
        assertThat(rules.assess("Fine", article(ModerationPolicy.PRE), false).status()).isEqualTo(CommentStatus.HELD);
    }

    @Test
    void firstTimeCommentersAreHeldOnlyWhenConfigured() {
        assertThat(rules.assess("Fine", article(null), true)).isEqualTo(RuleVerdict.VISIBLE);
        assertThat(rules(ModerationPolicy.POST, true).assess("Fine", article(null), true))
                .isEqualTo(RuleVerdict.held("first-time commenter"));
        assertThat(rules(ModerationPolicy.POST, true).assess("Fine", article(null), false)).isEqualTo(RuleVerdict.VISIBLE);
    }

    private static ModerationRules rules(ModerationPolicy policy, boolean holdFirstTimers) {
        return new ModerationRules(new ModerationProperties(policy, holdFirstTimers, List.of("casino", "cheap pills"),
                List.of("crypto"), 2, 3));
    }

    private static Article article(ModerationPolicy policy) {
        return new Article(UUID.randomUUID(), 1, "slug", true, true, false, policy, 0);
    }
}
