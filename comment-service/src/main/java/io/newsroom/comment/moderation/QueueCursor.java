package io.newsroom.comment.moderation;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a queue page ended: the last comment's (postedAt, id). The next page starts strictly after it, so
 * comments decided meanwhile (they leave the queue) never make a moderator skip one.
 */
record QueueCursor(Instant postedAt, UUID commentId) {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, postedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + commentId).getBytes(StandardCharsets.UTF_8));
    }

    static QueueCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
            Instant postedAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (postedAt.isBefore(EARLIEST) || postedAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("out of range");
            }
            return new QueueCursor(postedAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "The cursor is not one this service issued.");
            problem.getBody().setProperty("errors", List.of(Map.of("field", "cursor", "message", "is not a valid cursor")));
            throw problem;
        }
    }
}
