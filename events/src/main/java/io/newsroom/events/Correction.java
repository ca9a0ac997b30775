package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;

/** A correction notice shown under the article. Corrections are appended, never edited away. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Correction(Instant correctedAt, String text) {

    public Correction {
        Objects.requireNonNull(correctedAt, "correctedAt");
        Objects.requireNonNull(text, "text");
    }
}
