package io.newsroom.infra;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalElasticsearchIT {

    private final HttpTestClient es = HttpTestClient.to(LocalElasticsearch.shared().httpUri().toString());

    @Test
    void anIndexedArticleIsFoundByFullTextSearch() {
        send("PUT", "/articles-search/_doc/1?refresh=true",
                "{\"headline\":\"Ceasefire agreed in Jerusalem\",\"standfirst\":\"Talks ended overnight\"}", 201);

        String hits = send("POST", "/articles-search/_search", "{\"query\":{\"match\":{\"headline\":\"ceasefire\"}}}", 200);

        assertThat(hits).contains("\"total\":{\"value\":1").contains("Ceasefire agreed in Jerusalem");
    }

    @Test
    void bulkIndexingAndMoreLikeThisWork() {
        String bulk = """
                {"index":{"_index":"articles-related","_id":"a"}}
                {"headline":"Storm floods the coastal towns","body":"storm flooding coast rain wind storm flooding"}
                {"index":{"_index":"articles-related","_id":"b"}}
                {"headline":"Coastal towns clean up after the storm","body":"storm flooding coast cleanup rain storm"}
                {"index":{"_index":"articles-related","_id":"c"}}
                {"headline":"Parliament passes the budget","body":"budget vote parliament finance minister"}
                """;
        String response = sendNdjson("/_bulk?refresh=true", bulk);
        assertThat(response).contains("\"errors\":false");

        String related = send("POST", "/articles-related/_search", """
                {"query":{"more_like_this":{"fields":["headline","body"],
                  "like":[{"_index":"articles-related","_id":"a"}],"min_term_freq":1,"min_doc_freq":1}}}
                """, 200);

        assertThat(related).contains("\"_id\":\"b\"").doesNotContain("\"_id\":\"c\"").doesNotContain("\"_id\":\"a\"");
    }

    private String send(String method, String path, String json, int expectedStatus) {
        HttpTestResponse response = es.request(method, path).json(json).send();
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private String sendNdjson(String path, String ndjson) {
        HttpTestResponse response = es.request("POST", path).body("application/x-ndjson", ndjson).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
