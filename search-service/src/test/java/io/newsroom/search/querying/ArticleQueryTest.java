package io.newsroom.search.querying;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ArticleQueryTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultsAndCleansInput() {
        ArticleQuery query = new ArticleQuery("  gaza\u0000ceasefire ", " ", null, null, null, null, null, null, null);

        assertThat(query.q()).isEqualTo("gaza ceasefire");
        assertThat(query.section()).isNull();
        assertThat(query.sort()).isEqualTo("relevance");
        assertThat(query.offset()).isZero();
        assertThat(query.limit()).isEqualTo(10);
        assertThat(validator.validate(query)).isEmpty();
    }

    @Test
    void sortIsCaseInsensitive() {
        ArticleQuery query = query(null, null, " NEWEST ", null, null);

        assertThat(validator.validate(query)).isEmpty();
        assertThat(query.newestFirst()).isTrue();
    }

    @Test
    void rejectsOverlongTextUnknownSortReversedDatesAndBadLimits() {
        assertThat(violations(new ArticleQuery("x".repeat(201), null, null, null, null, null, null, null, null))).containsExactly("q");
        assertThat(violations(query(null, null, "popular", null, null))).containsExactly("sort");
        assertThat(violations(query(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), null, null, null)))
                .containsExactly("dateRangeOrdered");
        assertThat(violations(query(null, null, null, 51, null))).containsExactly("limit");
        assertThat(violations(query(null, null, null, 0, null))).containsExactly("limit");
        assertThat(violations(query(null, null, null, -5, null))).containsExactly("limit");
    }

    /** Defect 3: LocalDate parses year -999999999, which Elasticsearch cannot; it used to answer 500. */
    @Test
    void datesOutsideYears1900To9999AreInvalid() {
        assertThat(violations(query(LocalDate.parse("-999999999-01-01"), null, null, null, null))).containsExactly("from");
        assertThat(violations(query(null, LocalDate.parse("+999999999-12-31"), null, null, null))).containsExactly("to");
        assertThat(violations(query(LocalDate.of(1899, 12, 31), null, null, null, null))).containsExactly("from");
        assertThat(violations(query(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), null, null, null))).isEmpty();
    }

    @Test
    void cursorCarriesTheOffsetAndStopsAtTheWindow() {
        ArticleQuery first = query(null, null, null, 20, null);
        String next = first.nextCursor(100);
        ArticleQuery second = query(null, null, null, 20, next);

        assertThat(validator.validate(second)).isEmpty();
        assertThat(second.offset()).isEqualTo(20);
        assertThat(query(null, null, null, 20, Cursors.search(80)).nextCursor(100)).isNull();
        // The last reachable page: no cursor past Elasticsearch's result window, and a crafted cursor near
        // it asks for no more than the window holds.
        ArticleQuery nearEnd = query(null, null, null, 50, Cursors.search(9_990));
        assertThat(nearEnd.pageSize()).isEqualTo(10);
        assertThat(nearEnd.nextCursor(1_000_000)).isNull();
    }

    @Test
    void rejectsCursorsThatAreNotSearchCursors() {
        String[] bad = {"x", "%%%", "AAAA", Cursors.search(10_000), Cursors.latest(java.time.Instant.EPOCH, "a"),
                Base64.getUrlEncoder().encodeToString("s1:-1".getBytes()),
                Base64.getUrlEncoder().encodeToString("s1:99999999999999999999".getBytes()), "\u0000", "a".repeat(300)};
        for (String cursor : bad) {
            assertThat(violations(query(null, null, null, null, cursor))).as(cursor).containsExactly("cursor");
        }
    }

    private static ArticleQuery query(LocalDate from, LocalDate to, String sort, Integer limit, String cursor) {
        return new ArticleQuery(null, null, null, null, from, to, sort, limit, cursor);
    }

    private java.util.List<String> violations(ArticleQuery query) {
        return validator.validate(query).stream().map(v -> v.getPropertyPath().toString()).toList();
    }
}
