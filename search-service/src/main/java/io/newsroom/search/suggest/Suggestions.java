package io.newsroom.search.suggest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.index.ElasticsearchUnavailable;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Autocomplete from headlines and tags (the completion field's inputs). Tombstones carry no inputs,
 * so unpublished headlines are never suggested.
 */
@Service
public class Suggestions {

    public static final int MAX = 10;
    private static final String SUGGESTION = "headline-or-tag";

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    public Suggestions(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /** One completion: the headline or tag text, and the id of the article it came from. */
    public record Suggestion(String text, String id) {
    }

    public List<Suggestion> complete(String prefix, int size) {
        int limit = Math.min(size, MAX);
        try {
            SearchResponse<ArticleDocument> response = client.search(s -> s.index(index.alias())
                    .source(src -> src.fetch(false))
                    .suggest(sg -> sg.suggesters(SUGGESTION, fs -> fs.prefix(prefix)
                            .completion(c -> c.field("suggest").size(limit).skipDuplicates(true)))),
                    ArticleDocument.class);
            return response.suggest().getOrDefault(SUGGESTION, List.of()).stream()
                    .filter(suggestion -> suggestion.isCompletion())
                    .flatMap(suggestion -> suggestion.completion().options().stream())
                    .map(Suggestions::of)
                    .limit(limit)
                    .toList();
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Suggest", e);
        }
    }

    private static Suggestion of(CompletionSuggestOption<ArticleDocument> option) {
        return new Suggestion(option.text(), option.id());
    }
}
