package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, defect 1: the gateway passes the reader's address on, and the comment records it. */
class ForwardedAddressIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommentPostedThroughTheGatewayRecordsTheReadersAddress() {
        UUID article = openArticle();
        var response = post(article, comment(article, "A reader far away.", uniqueEmail()), "127.0.0.2");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(response).get("id").asString());
        assertThat(clientAddress(jdbc, id)).isEqualTo("127.0.0.2");
    }

    static String clientAddress(JdbcClient jdbc, UUID comment) {
        return jdbc.sql("select client_address from comments where comment_id = ?").param(comment).query(String.class).single();
    }
}
