package io.newsroom.search.index;

import java.io.IOException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Elasticsearch could not be reached or dropped the connection (the client's IOException). A Spring
 * {@link DataAccessResourceFailureException}, so a reader gets the shared edge's 503 problem instead of a 500, and
 * the consumers' error handler retries the batch until the node is back instead of dead-lettering good events.
 */
public class ElasticsearchUnavailable extends DataAccessResourceFailureException {

    public ElasticsearchUnavailable(String what, IOException cause) {
        super(what + ": Elasticsearch cannot be reached", cause);
    }
}
