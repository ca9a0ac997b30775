package io.newsroom.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Elasticsearch could not be reached or dropped the connection (the client's IOException), or the indices are not set
 * up yet. A Spring {@link DataAccessResourceFailureException}, so a reader gets the shared edge's 503 problem instead
 * of a 500, and the consumers' error handler retries the batch until the node is back instead of dead-lettering good
 * events.
 */
public class ElasticsearchUnavailable extends DataAccessResourceFailureException {

    private static final String NO_SUCH_INDEX = "index_not_found_exception";

    public ElasticsearchUnavailable(String what, IOException cause) {
        super(what + ": Elasticsearch cannot be reached", cause);
    }

    private ElasticsearchUnavailable(String message) {
        super(message);
    }

    /** A write before the service could set the indices up (Elasticsearch not reachable since it started). */
    static ElasticsearchUnavailable notSetUp(String what) {
        return new ElasticsearchUnavailable(what + ": the search indices are not set up yet");
    }

    /**
     * An answer that says "not now" rather than "wrong request": overloaded (429), failing or still recovering its
     * shards after a restart (5xx), or no such index because the service has not set it up yet.
     */
    public static boolean isOutage(ElasticsearchException answer) {
        return isBusyOrFailing(answer.status()) || answer.error() != null && NO_SUCH_INDEX.equals(answer.error().type());
    }

    /** 429 or 5xx: worth trying again, not a property of the request. */
    public static boolean isBusyOrFailing(int status) {
        return status >= 500 || status == 429;
    }
}
