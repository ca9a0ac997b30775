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

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            Instant publishedAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (publishedAt.isBefore(EARLIEST) || publishedAt.isAfter(LATEST)) {
                // A forged far date would be out of PostgreSQL's timestamp range: a 400, not a 500.
                throw new IllegalArgumentException("out of range");
            }
            return new Cursor(publishedAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidFieldException("cursor", "is not a cursor this API handed out");
        }
    }
}
