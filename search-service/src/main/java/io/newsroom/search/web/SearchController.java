package io.newsroom.search.web;

import io.newsroom.search.querying.ArticleHit;
import io.newsroom.search.querying.ArticleQuery;
import io.newsroom.search.querying.ArticleSearch;
import io.newsroom.search.querying.LatestArticles;
import io.newsroom.search.querying.SearchResults;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reader search: {@code GET /search} and {@code GET /latest}. */
@RestController
class SearchController {

    private final ArticleSearch search;
    private final LatestArticles latest;

    SearchController(ArticleSearch search, LatestArticles latest) {
        this.search = search;
        this.latest = latest;
    }

    @GetMapping("/search")
    SearchResults search(@Valid @ModelAttribute @ParameterObject ArticleQuery query) {
        return search.search(query);
    }

    /** Latest articles in a section and/or with a tag, newest first. */
    @GetMapping("/latest")
    LatestNews latest(@RequestParam(required = false) @Size(max = ArticleQuery.MAX_TERM) String section,
                      @RequestParam(required = false) @Size(max = ArticleQuery.MAX_TERM) String tag,
                      @RequestParam(defaultValue = "10") @Min(1) @Max(ArticleQuery.MAX_SIZE) int size) {
        return new LatestNews(latest.latest(section, tag, size));
    }

    record LatestNews(List<ArticleHit> articles) {
    }
}
