package io.newsroom.article.editorial;

import io.newsroom.article.InvalidFieldException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in an editor's desk list: the sort key of the last article shown (due time of a scheduled
 * article, last change of the others) and its id. Opaque to clients.
 */
record DeskCursor(Instant at, UUID id) {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static DeskCursor after(Article last, ArticleStatus status) {
        return new DeskCursor(status == ArticleStatus.SCHEDULED ? last.scheduledFor() : last.updatedAt(), last.id());
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static DeskCursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("out of range");
            }
            return new DeskCursor(at, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidFieldException("cursor", "is not a cursor this API handed out");
        }
    }
}
