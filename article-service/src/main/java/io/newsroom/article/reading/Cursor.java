package io.newsroom.article.reading;

import io.newsroom.article.InvalidFieldException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A Latest News position: the last teaser a page showed. The next page starts strictly after it in
 * (publishedAt, id) order, so articles published meanwhile never shift pages (no gaps, no repeats).
 */
record Cursor(Instant publishedAt, UUID id) {

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split("\\|");
            return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidFieldException("cursor", "is not a cursor this API handed out");
        }
    }
}
