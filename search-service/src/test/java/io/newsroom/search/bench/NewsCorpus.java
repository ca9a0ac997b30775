package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.search.support.Fixtures;
import io.newsroom.search.support.NewsEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated articles made of real news text: every article takes a Wikinews headline, tags and
 * section (fixtures/wikinews, CC BY 2.5, see NOTICE.md) and a body of sentences drawn from the whole
 * corpus, so words occur about as often as they do in news (a few common, most rare) and a search
 * touches a realistic share of the index. Reader queries are 1–3 words of a real headline.
 */
final class NewsCorpus implements Corpus {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in",
            "is", "of", "on", "or", "the", "to", "with", "after", "over", "new", "says", "its", "be", "are", "was");

    private final List<JsonNode> originals = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();

    NewsCorpus() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (String line : Files.readAllLines(Fixtures.dir().resolve("wikinews/news.jsonl"))) {
                JsonNode article = json.readTree(line);
                originals.add(article);
                for (String sentence : article.path("body").asString().split("(?<=[.!?])\\s+")) {
                    if (sentence.length() > 30) {
                        sentences.add(sentence.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Article {@code n}: a real headline (made unique by {@code n}), 8–20 sentences, a date in the last 3 years. */
    @Override
    public ArticlePublished article(Random random, int n) {
        JsonNode original = originals.get(random.nextInt(originals.size()));
        StringBuilder body = new StringBuilder();
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            body.append("<p>");
            for (int s = 0; s < 2 + random.nextInt(4); s++) {
                body.append(s == 0 ? "" : " ").append(escape(sentences.get(random.nextInt(sentences.size()))));
            }
            body.append("</p>");
        }
        List<String> tags = new ArrayList<>();
        original.path("tags").forEach(tag -> tags.add(tag.asString()));
        String section = original.path("section").isNull() ? "World" : original.path("section").asString();
        Instant publishedAt = Instant.now().minusSeconds(random.nextInt(3 * 365 * 24 * 3600));
        return NewsEvents.published(UUID.randomUUID(), 1, new NewsEvents.Copy(
                original.path("headline").asString() + " " + n, sentences.get(random.nextInt(sentences.size())),
                body.toString(), section, tags.subList(0, Math.min(5, tags.size())),
                List.of("Reporter " + random.nextInt(50)), "London", random.nextInt(20) == 0, publishedAt));
    }

    /** A reader's query: 1–3 consecutive content words of a real headline. */
    @Override
    public String query(Random random) {
        String[] words = originals.get(random.nextInt(originals.size())).path("headline").asString()
                .replaceAll("[^\\p{L}\\p{N} ]", " ").toLowerCase().split("\\s+");
        List<String> content = new ArrayList<>();
        for (String word : words) {
            if (!word.isBlank() && !STOP_WORDS.contains(word)) {
                content.add(word);
            }
        }
        if (content.isEmpty()) {
            return "news";
        }
        int length = Math.min(content.size(), 1 + random.nextInt(3));
        int start = random.nextInt(content.size() - length + 1);
        return String.join(" ", content.subList(start, start + length));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
