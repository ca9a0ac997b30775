package io.newsroom.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for the editor API. */
public final class Drafts {

    private Drafts() {
    }

    public static Map<String, Object> copy(String headline) {
        return copy(headline, "world", List.of("Ceasefire"));
    }

    public static Map<String, Object> copy(String headline, String section, List<String> tags) {
        var copy = new LinkedHashMap<String, Object>();
        copy.put("headline", headline);
        copy.put("standfirst", "Security consultations continued on Monday night.");
        copy.put("dateline", Map.of("place", "Jerusalem", "timeZone", "Asia/Jerusalem"));
        copy.put("byline", List.of(Map.of("name", "Dana Reporter")));
        copy.put("body", "<p>Despite increasing international pressure, talks continued.</p>");
        copy.put("section", section);
        copy.put("tags", tags);
        copy.put("heroImage", Map.of("url", "https://images.example.org/jerusalem.jpg", "altText", "The old city at dusk",
                "caption", "Jerusalem on Monday", "credit", "Newsroom"));
        copy.put("commentsEnabled", true);
        return copy;
    }
}
