package io.newsroom.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalElasticsearchIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private final URI es = LocalElasticsearch.shared().httpUri();

    @AfterAll
    static void closeClient() {
        http.close();
    }

    @Test
    void anIndexedArticleIsFoundByFullTextSearch() throws Exception {
        send("PUT", "/articles-search/_doc/1?refresh=true",
                "{\"headline\":\"Ceasefire agreed in Jerusalem\",\"standfirst\":\"Talks ended overnight\"}", 201);

        String hits = send("POST", "/articles-search/_search", "{\"query\":{\"match\":{\"headline\":\"ceasefire\"}}}", 200);

        assertThat(hits).contains("\"total\":{\"value\":1").contains("Ceasefire agreed in Jerusalem");
    }

    @Test
    void bulkIndexingAndMoreLikeThisWork() throws Exception {
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

    private String send(String method, String path, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(es.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private String sendNdjson(String path, String ndjson) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(es.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                .header("Content-Type", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
