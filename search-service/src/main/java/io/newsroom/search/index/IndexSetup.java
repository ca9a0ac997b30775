package io.newsroom.search.index;

import io.newsroom.consumers.StartupStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Makes the indices ready as the service starts, before the web server and the consumers (a write to the alias
 * before it exists would make Elasticsearch create an index of that name with guessed mappings). Elasticsearch not
 * reachable fails the start, as before. Not at bean creation, so the context is refreshed without Elasticsearch, as
 * the image build's AOT cache training run does ({@link StartupStep}).
 */
@Component
class IndexSetup extends StartupStep {

    IndexSetup(ArticleIndex articles, CommentCountIndex commentCounts) {
        super(() -> {
            try {
                articles.setUp();
                commentCounts.setUp();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set up the search indices", e);
            }
        });
    }
}
