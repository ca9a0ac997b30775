package io.newsroom.events;

import java.time.Instant;
import java.util.Objects;

/** A correction notice shown under the article. Corrections are appended, never edited away. */
public record Correction(Instant correctedAt, String text) {

    public Correction {
        Objects.requireNonNull(correctedAt, "correctedAt");
        Objects.requireNonNull(text, "text");
    }
}
