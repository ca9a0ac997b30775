package io.newsroom.comment.reading;

import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.comment.support.XssCorpus;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingIT extends IntegrationTest {

    @Test
    void pagesStayStableWhileNewCommentsArrive() {
        UUID article = openArticle();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(postOk(article, "Comment " + i, uniqueEmail(), "VISIBLE").toString());
        }
        JsonNode first = json(get("/articles/{id}/comments?limit=2", article));
        // Someone posts between the reader's page requests.
        posted.add(postOk(article, "Late comment", uniqueEmail(), "VISIBLE").toString());

        List<String> seen = new ArrayList<>(ids(first));
        String cursor = first.get("nextCursor").asString();
        while (cursor != null) {
            JsonNode page = json(get("/articles/{id}/comments?limit=2&cursor={c}", article, cursor));
            seen.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        assertThat(seen).containsExactlyElementsOf(posted);
    }

    @Test
    void newestFirstReversesTheOrder() {
        UUID article = openArticle();
        String a = postOk(article, "older", uniqueEmail(), "VISIBLE").toString();
        String b = postOk(article, "newer", uniqueEmail(), "VISIBLE").toString();
        assertThat(ids(json(get("/articles/{id}/comments?order=newest", article)))).containsExactly(b, a);
        assertThat(get("/articles/{id}/comments?order=sideways", article).status()).isEqualTo(400);
        assertThat(get("/articles/{id}/comments?cursor=garbage", article).status()).isEqualTo(400);
        assertThat(get("/articles/{id}/comments", UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void countsForManyArticlesInOneCall() {
        UUID one = openArticle();
        UUID two = openArticle();
        UUID unknown = UUID.randomUUID();
        postOk(one, "a", uniqueEmail(), "VISIBLE");
        postOk(one, "b", uniqueEmail(), "VISIBLE");
        postOk(two, "crypto held", uniqueEmail(), "HELD");
        JsonNode counts = json(get("/comment-counts?articleIds={a},{b},{c}", one, two, unknown)).get("counts");
        assertThat(counts.get(one.toString()).asLong()).isEqualTo(2);
        assertThat(counts.get(two.toString()).asLong()).isZero();
        assertThat(counts.get(unknown.toString()).asLong()).isZero();
    }

    @Test
    void noXssPayloadComesBackExecutable() {
        UUID article = openArticle();
        List<String> payloads = XssCorpus.payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(200);
        for (String payload : payloads) {
            // Each from its own reader, so the flood limits let the whole corpus through.
            HttpTestResponse response = post(article, comment(article, payload, uniqueEmail()), nextAddress());
            assertThat(response.status()).as(payload).isIn(201, 422);
        }
        int checked = 0;
        String cursor = null;
        do {
            JsonNode page = cursor == null ? json(get("/articles/{id}/comments?limit=100", article))
                    : json(get("/articles/{id}/comments?limit=100&cursor={c}", article, cursor));
            for (JsonNode comment : page.get("items")) {
                XssCorpus.assertInert(comment.get("bodyHtml").asString(), comment.get("body").asString());
                checked++;
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        // Payloads with more than two links are held, so not every one is in the thread; most are.
        assertThat(checked).isGreaterThanOrEqualTo(200);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }
}
