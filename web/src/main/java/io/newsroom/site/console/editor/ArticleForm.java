package io.newsroom.site.console.editor;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The article form as the editor typed it (every field a string, so nothing they wrote is lost to a parse error),
 * and its translation to and from the editor API's copy.
 *
 * @param byline   authors separated by commas
 * @param tags     tags separated by commas
 * @param comments "open" or "closed"
 * @param version  the version the editor opened (the {@code If-Match}); empty for a new draft
 */
public record ArticleForm(String headline, String standfirst, String place, String timeZone, String byline,
                          String section, String tags, String heroUrl, String heroAlt, String heroCaption,
                          String heroCredit, String body, String comments, String version) {

    public ArticleForm {
        headline = orEmpty(headline);
        standfirst = orEmpty(standfirst);
        place = orEmpty(place);
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
        byline = orEmpty(byline);
        section = orEmpty(section);
        tags = orEmpty(tags);
        heroUrl = orEmpty(heroUrl);
        heroAlt = orEmpty(heroAlt);
        heroCaption = orEmpty(heroCaption);
        heroCredit = orEmpty(heroCredit);
        body = orEmpty(body);
        comments = "closed".equals(comments) ? "closed" : "open";
        version = orEmpty(version);
    }

    static ArticleForm blank() {
        return new ArticleForm("", "", "", "UTC", "", "", "", "", "", "", "", "", "open", "");
    }

    /** The editor API's article as the form shows it. */
    static ArticleForm of(JsonNode a) {
        JsonNode hero = a.path("heroImage");
        return new ArticleForm(text(a, "headline"), text(a, "standfirst"), text(a.path("dateline"), "place"),
                text(a.path("dateline"), "timeZone"),
                String.join(", ", values(a.path("byline")).stream().map(b -> text(b, "name")).toList()),
                text(a, "section"), String.join(", ", values(a.path("tags")).stream().map(JsonNode::asString).toList()),
                text(hero, "url"), text(hero, "altText"), text(hero, "caption"), text(hero, "credit"), text(a, "body"),
                a.path("commentsEnabled").asBoolean(true) ? "open" : "closed", a.path("version").asString(""));
    }

    /** The request body of create and update ({@code ArticleCopy} in article-service). */
    Map<String, Object> copy() {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("headline", headline);
        copy.put("standfirst", standfirst);
        copy.put("dateline", new Dateline(place, timeZone));
        copy.put("byline", split(byline).stream().map(name -> Map.of("name", name)).toList());
        copy.put("body", body);
        copy.put("section", section);
        copy.put("tags", split(tags));
        if (!heroUrl.isBlank()) {
            Map<String, Object> hero = new LinkedHashMap<>();
            hero.put("url", heroUrl.strip());
            hero.put("altText", heroAlt);
            hero.put("caption", heroCaption.isBlank() ? null : heroCaption);
            hero.put("credit", heroCredit.isBlank() ? null : heroCredit);
            copy.put("heroImage", hero);
        }
        copy.put("commentsEnabled", "open".equals(comments));
        return copy;
    }

    /** In the order the API documents it (a record keeps its component order in JSON). */
    record Dateline(String place, String timeZone) {
    }

    ArticleForm withVersion(String newVersion) {
        return new ArticleForm(headline, standfirst, place, timeZone, byline, section, tags, heroUrl, heroAlt,
                heroCaption, heroCredit, body, comments, newVersion);
    }

    /** The API's field names (ArticleCopy paths) as the form's fields, for errors next to the right input. */
    static String formField(String apiField) {
        String f = apiField == null ? "" : apiField;
        if (f.startsWith("dateline.place")) {
            return "place";
        }
        if (f.startsWith("dateline")) {
            return "timeZone";
        }
        if (f.startsWith("byline")) {
            return "byline";
        }
        if (f.startsWith("tags")) {
            return "tags";
        }
        if (f.startsWith("heroImage.url")) {
            return "heroUrl";
        }
        if (f.startsWith("heroImage.altText")) {
            return "heroAlt";
        }
        if (f.startsWith("heroImage.caption")) {
            return "heroCaption";
        }
        if (f.startsWith("heroImage.credit")) {
            return "heroCredit";
        }
        if (f.startsWith("heroImage")) {
            return "heroUrl";
        }
        return List.of("headline", "standfirst", "body", "section").contains(f) ? f : "form";
    }

    /** The value of a form field by its name, for the conflict box. */
    String field(String name) {
        return switch (name) {
            case "headline" -> headline;
            case "standfirst" -> standfirst;
            case "place" -> place;
            case "timeZone" -> timeZone;
            case "byline" -> byline;
            case "section" -> section;
            case "tags" -> tags;
            case "heroUrl" -> heroUrl;
            case "heroAlt" -> heroAlt;
            case "body" -> body;
            case "comments" -> comments;
            default -> "";
        };
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<JsonNode> values(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).toList() : new ArrayList<>();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString("");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
