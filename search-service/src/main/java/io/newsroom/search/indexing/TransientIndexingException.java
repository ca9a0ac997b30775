package io.newsroom.search.indexing;

/** Elasticsearch could not take the batch right now; the whole batch is retried. */
public class TransientIndexingException extends RuntimeException {

    public TransientIndexingException(String message) {
        super(message);
    }
}
