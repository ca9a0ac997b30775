package io.newsroom.search.querying;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A reader's search, as given in the query string of {@code GET /search}. Every limit here keeps a
 * query cheap and well-formed; anything outside them is a 400, never a query sent to Elasticsearch.
 *
 * @param q       free text; matched with typo tolerance, never parsed as query syntax
 * @param from    first publication day (inclusive, UTC)
 * @param to      last publication day (inclusive, UTC)
 * @param sort    {@code relevance} (default; newer articles get a boost) or {@code newest}
 * @param page    zero-based page number
 */
public record ArticleQuery(
        @Size(max = MAX_TEXT, message = "must be at most " + MAX_TEXT + " characters") String q,
        @Size(max = MAX_TERM, message = "must be at most " + MAX_TERM + " characters") String section,
        @Size(max = MAX_TERM, message = "must be at most " + MAX_TERM + " characters") String tag,
        @Size(max = MAX_TERM, message = "must be at most " + MAX_TERM + " characters") String author,
        LocalDate from,
        LocalDate to,
        @Pattern(regexp = "relevance|newest", message = "must be relevance or newest") String sort,
        @Min(0) Integer page,
        @Min(1) @Max(MAX_SIZE) Integer size) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_TERM = 100;
    public static final int MAX_SIZE = 50;
    /** Elasticsearch's default {@code index.max_result_window}: deeper paging needs search_after. */
    public static final int MAX_WINDOW = 10_000;

    public ArticleQuery {
        q = clean(q);
        section = clean(section);
        tag = clean(tag);
        author = clean(author);
        sort = sort == null || sort.isBlank() ? "relevance" : sort.strip();
        page = page == null ? 0 : page;
        size = size == null ? 10 : size;
    }

    public static ArticleQuery text(String q) {
        return new ArticleQuery(q, null, null, null, null, null, null, null, null);
    }

    public boolean newestFirst() {
        return "newest".equals(sort);
    }

    public int offset() {
        return page * size;
    }

    @AssertTrue(message = "from must not be after to")
    public boolean isDateRangeOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }

    @AssertTrue(message = "page * size must stay below " + MAX_WINDOW)
    public boolean isPageWithinWindow() {
        return page == null || size == null || (long) (page + 1) * size <= MAX_WINDOW;
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
