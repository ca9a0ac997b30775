package io.newsroom.search.indexing;

/**
 * What happened to one revision in a bulk request.
 *
 * @param error Elasticsearch's reason when {@link Status#REJECTED}, else {@code null}
 */
public record IndexOutcome(Status status, String error) {

    public enum Status {
        /** Stored: it was newer than what the index held. */
        APPLIED,
        /** A duplicate or an older version: the index already holds this or something newer. */
        STALE,
        /** Elasticsearch refused the document itself (e.g. a mapping error); retrying will not help. */
        REJECTED
    }

    static final IndexOutcome APPLIED = new IndexOutcome(Status.APPLIED, null);
    static final IndexOutcome STALE = new IndexOutcome(Status.STALE, null);

    static IndexOutcome rejected(String error) {
        return new IndexOutcome(Status.REJECTED, error);
    }
}
