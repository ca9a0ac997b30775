package io.newsroom.comment.posting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FormTokensTest {

    private final FormTokens tokens = new FormTokens(new PostingProperties(3, Duration.ofMinutes(10),
            new PostingProperties.Flood(5, 20),
            new PostingProperties.AntiBot("secret", Duration.ofSeconds(3), Duration.ofHours(24))));
    private final UUID article = UUID.randomUUID();
    private final Instant issued = Instant.parse("2026-11-03T09:15:00Z");

    @Test
    void aTokenFilledInAtHumanSpeedIsValid() {
        assertThat(tokens.check(tokens.issue(article, issued), article, issued.plusSeconds(20)))
                .isEqualTo(FormTokens.Check.VALID);
    }

    @Test
    void aSubmitFasterThanTheMinimumFillTimeIsABot() {
        assertThat(tokens.check(tokens.issue(article, issued), article, issued.plusMillis(500)))
                .isEqualTo(FormTokens.Check.TOO_FAST);
    }

    @Test
    void anOldTokenHasExpired() {
        assertThat(tokens.check(tokens.issue(article, issued), article, issued.plus(Duration.ofHours(25))))
                .isEqualTo(FormTokens.Check.EXPIRED);
    }

    @Test
    void tamperedOrForeignTokensAreForged() {
        String token = tokens.issue(article, issued);
        Instant later = issued.plusSeconds(20);
        assertThat(tokens.check(token, UUID.randomUUID(), later)).isEqualTo(FormTokens.Check.FORGED);
        assertThat(tokens.check(token.replace(String.valueOf(issued.toEpochMilli()), "1"), article, later))
                .isEqualTo(FormTokens.Check.FORGED);
        assertThat(tokens.check("nonsense", article, later)).isEqualTo(FormTokens.Check.FORGED);
        assertThat(tokens.check(null, article, later)).isEqualTo(FormTokens.Check.FORGED);
    }
}
