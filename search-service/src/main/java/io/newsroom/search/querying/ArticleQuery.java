package io.newsroom.search.querying;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A reader's search, as given in the query string of {@code GET /search}. Every limit here keeps a
 * query cheap and well-formed; anything outside them is a 400, never a query sent to Elasticsearch.
 *
 * @param q      free text; matched with typo tolerance, never parsed as query syntax
 * @param from   first publication day (inclusive, UTC)
 * @param to     last publication day (inclusive, UTC)
 * @param sort   {@code relevance} (default; newer articles get a boost) or {@code newest}, any case
 * @param limit  page size
 * @param cursor the {@code nextCursor} of the previous page; absent for the first page
 */
public record ArticleQuery(
        @Parameter(description = "Free text (typo-tolerant; never query syntax)")
        @Size(max = MAX_TEXT, message = "must be at most " + MAX_TEXT + " characters") String q,
        @Parameter(description = "Only this section (case-insensitive)")
        @Size(max = MAX_TERM, message = "must be at most " + MAX_TERM + " characters") String section,
        @Parameter(description = "Only articles with this tag (case-insensitive)")
        @Size(max = MAX_TERM, message = "must be at most " + MAX_TERM + " characters") String tag,
        @Parameter(description = "Only articles by this author (case-insensitive)")
        @Size(max = MAX_TERM, message = "must be at most " + MAX_TERM + " characters") String author,
        @Parameter(description = "First publication day, inclusive (UTC, YYYY-MM-DD, years 1900-9999)")
        @PublicationDay LocalDate from,
        @Parameter(description = "Last publication day, inclusive (UTC, YYYY-MM-DD, years 1900-9999)")
        @PublicationDay LocalDate to,
        @Parameter(description = "Order: relevance (default; newer articles get a boost) or newest (case-insensitive)",
                schema = @Schema(type = "string", allowableValues = {"relevance", "newest"}, defaultValue = "relevance"))
        @Pattern(regexp = "(?i)relevance|newest", message = "must be relevance or newest") String sort,
        @Parameter(description = "Page size, 1-" + MAX_LIMIT,
                schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "10"))
        @Min(value = 1, message = "must be at least 1")
        @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT) Integer limit,
        @Parameter(description = "The nextCursor of the previous page (opaque); absent for the first page")
        @ValidCursor(ValidCursor.Kind.SEARCH) String cursor) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_TERM = 100;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 10;
    /** Elasticsearch's default {@code index.max_result_window}: paging stops there (no nextCursor beyond). */
    public static final int MAX_WINDOW = 10_000;

    public ArticleQuery {
        q = clean(q);
        section = clean(section);
        tag = clean(tag);
        author = clean(author);
        sort = sort == null || sort.isBlank() ? "relevance" : sort.strip().toLowerCase(Locale.ROOT);
        limit = limit == null ? DEFAULT_LIMIT : limit;
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    public static ArticleQuery text(String q) {
        return new ArticleQuery(q, null, null, null, null, null, null, null, null);
    }

    public boolean newestFirst() {
        return "newest".equals(sort);
    }

    /** Where this page starts, from the cursor (0 without one). */
    public int offset() {
        return Cursors.searchOffset(cursor).orElse(0);
    }

    /** The page size Elasticsearch is asked for: never past {@link #MAX_WINDOW}, whatever the cursor says. */
    public int pageSize() {
        return Math.max(0, Math.min(limit, MAX_WINDOW - offset()));
    }

    /** The cursor of the page after this one, or {@code null} when nothing (reachable) follows. */
    public String nextCursor(long total) {
        long next = (long) offset() + pageSize();
        return next < total && next < MAX_WINDOW ? Cursors.search((int) next) : null;
    }

    @AssertTrue(message = "from must not be after to")
    public boolean isDateRangeOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }

    /** Trims, drops control characters, and treats blank as absent. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
