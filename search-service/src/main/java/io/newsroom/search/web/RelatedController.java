package io.newsroom.search.web;

import io.newsroom.search.querying.ArticleHit;
import io.newsroom.search.related.RelatedArticles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** "More Articles Like This" for an article page. */
@RestController
class RelatedController {

    private final RelatedArticles related;

    RelatedController(RelatedArticles related) {
        this.related = related;
    }

    @GetMapping("/articles/{id}/related")
    Related related(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is not an article id") String id,
                    @RequestParam(defaultValue = "5") @Min(1) @Max(20) int size) {
        return related.relatedTo(id, size)
                .map(Related::new)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published article " + id));
    }

    record Related(List<ArticleHit> articles) {
    }
}
