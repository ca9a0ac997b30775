package io.newsroom.search.querying;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleQueryTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultsAndCleansInput() {
        ArticleQuery query = new ArticleQuery("  gaza\u0000ceasefire ", " ", null, null, null, null, null, null, null);

        assertThat(query.q()).isEqualTo("gaza ceasefire");
        assertThat(query.section()).isNull();
        assertThat(query.sort()).isEqualTo("relevance");
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(10);
        assertThat(validator.validate(query)).isEmpty();
    }

    @Test
    void rejectsOverlongTextUnknownSortReversedDatesAndDeepPages() {
        assertThat(violations(new ArticleQuery("x".repeat(201), null, null, null, null, null, null, null, null))).containsExactly("q");
        assertThat(violations(new ArticleQuery(null, null, null, null, null, null, "popular", null, null))).containsExactly("sort");
        assertThat(violations(new ArticleQuery(null, null, null, null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1),
                null, null, null))).containsExactly("dateRangeOrdered");
        assertThat(violations(new ArticleQuery(null, null, null, null, null, null, null, 500, 50))).containsExactly("pageWithinWindow");
        assertThat(violations(new ArticleQuery(null, null, null, null, null, null, null, null, 51))).containsExactly("size");
    }

    private java.util.List<String> violations(ArticleQuery query) {
        return validator.validate(query).stream().map(v -> v.getPropertyPath().toString()).toList();
    }
}
