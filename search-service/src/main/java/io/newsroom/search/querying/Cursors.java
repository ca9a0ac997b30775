package io.newsroom.search.querying;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque {@code nextCursor} / {@code cursor} values of the reader lists. Clients only pass them back;
 * inside they are base64url text with a kind prefix, so a search cursor is never taken for a latest one.
 * A cursor that does not decode is bad input (400), never a query sent to Elasticsearch.
 */
public final class Cursors {

    private static final Pattern SEARCH = Pattern.compile("s1:(\\d{1,5})");
    private static final Pattern LATEST = Pattern.compile("l1:(-?\\d{1,15}):([A-Za-z0-9_-]{1,64})");
    /** Far outside any publication time, but safe for Elasticsearch's date arithmetic. */
    private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

    private Cursors() {
    }

    /** Where the next page of newest-first articles starts: after this article. */
    public record LatestPosition(long publishedAtMillis, String articleId) {
    }

    public static String search(int offset) {
        return encode("s1:" + offset);
    }

    /** @return the offset of the page, empty when the cursor is not a search cursor within the window */
    public static Optional<Integer> searchOffset(String cursor) {
        return decode(cursor).map(SEARCH::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)))
                .filter(offset -> offset > 0 && offset < ArticleQuery.MAX_WINDOW);
    }

    public static String latest(Instant publishedAt, String articleId) {
        return encode("l1:" + publishedAt.toEpochMilli() + ":" + articleId);
    }

    public static Optional<LatestPosition> latestPosition(String cursor) {
        return decode(cursor).map(LATEST::matcher).filter(Matcher::matches)
                .map(m -> new LatestPosition(Long.parseLong(m.group(1)), m.group(2)))
                .filter(p -> Math.abs(p.publishedAtMillis()) <= MAX_EPOCH_MILLIS);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
