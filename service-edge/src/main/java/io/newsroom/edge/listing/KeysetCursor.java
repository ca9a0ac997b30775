package io.newsroom.edge.listing;

import io.newsroom.edge.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a keyset page ended: the sort time and id of its last item, as the opaque {@code nextCursor} of a
 * {@link Listing}. The next page starts strictly after it, so items added or removed meanwhile never shift pages.
 * Microseconds, because that is what PostgreSQL stores.
 */
public record KeysetCursor(Instant at, UUID id) {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws org.springframework.web.ErrorResponseException 400 naming {@code cursor} for anything we did not hand out */
    public static KeysetCursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                // A forged far date would be out of PostgreSQL's timestamp range: a 400, not a 500.
                throw new IllegalArgumentException("out of range");
            }
            return new KeysetCursor(at, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw Problems.invalidField("cursor", "is not a cursor this API handed out");
        }
    }
}
