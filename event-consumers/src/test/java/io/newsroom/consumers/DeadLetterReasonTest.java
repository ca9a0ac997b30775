package io.newsroom.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

    static class PoisonException extends RuntimeException {
        PoisonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final DeadLetterReason INNERMOST = new DeadLetterReason(List.of());
    private static final DeadLetterReason POISON_FIRST = new DeadLetterReason(List.of(PoisonException.class));

    @Test
    void theInnermostCauseNamesTheProblemNotTheBindersWrapper() {
        var error = wrapped(new IllegalArgumentException("Unexpected character ('n')"));

        assertThat(text(INNERMOST, error)).isEqualTo("Unexpected character ('n')");
    }

    @Test
    void theFirstReasonTypeInTheChainWinsOverItsCauses() {
        var error = wrapped(new PoisonException("Unreadable news.article.published.v1 payload",
                new IllegalStateException("parser detail")));

        assertThat(text(POISON_FIRST, error)).isEqualTo("Unreadable news.article.published.v1 payload");
        assertThat(text(INNERMOST, error)).isEqualTo("parser detail");
    }

    @Test
    void withoutAReasonTypeInTheChainItIsTheInnermostCause() {
        assertThat(text(POISON_FIRST, wrapped(new IllegalStateException("broken")))).isEqualTo("broken");
    }

    @Test
    void aCauseWithoutMessageIsNamedByItsClass() {
        assertThat(text(INNERMOST, wrapped(new NullPointerException()))).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void aSelfCausedExceptionEndsTheChain() {
        var error = new SelfCaused("looped");

        assertThat(INNERMOST.of(error)).isSameAs(error);
    }

    static class SelfCaused extends RuntimeException {
        SelfCaused(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("Listener failed; error occurred in message handler",
                new IllegalStateException("handler", cause));
    }

    private static String text(DeadLetterReason reason, Throwable error) {
        return new String(reason.header(error), StandardCharsets.UTF_8);
    }
}
