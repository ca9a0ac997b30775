package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** From a peer that is not a trusted proxy, X-Forwarded-For is ignored: nobody picks their own address. */
@TestPropertySource(properties = "newsroom.edge.trusted-proxies=10.255.255.254/32")
class UntrustedPeerIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClaimedAddressFromAnUntrustedPeerIsIgnored() {
        UUID article = openArticle();
        var response = post(article, comment(article, "Who am I?", uniqueEmail()), "127.0.0.2");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(response).get("id").asString());
        assertThat(ForwardedAddressIT.clientAddress(jdbc, id)).isEqualTo("127.0.0.1");
    }
}
