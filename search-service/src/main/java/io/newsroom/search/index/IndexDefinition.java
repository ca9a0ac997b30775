package io.newsroom.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Settings and mappings of one index, read from versioned classpath files
 * ({@code elasticsearch/<name>/v<N>/settings.json} and {@code mappings.json}). A mapping change is a
 * new {@code vN} folder plus a rebuild, never an in-place edit.
 *
 * @param settingsJson settings with the text analyzer already filled in
 * @param mappingsJson the mappings
 */
public record IndexDefinition(String settingsJson, String mappingsJson) {

    /** The current article index definition. */
    public static final String ARTICLES = "elasticsearch/articles/v2/";

    /** The current comment count index definition. */
    public static final String COMMENT_COUNTS = "elasticsearch/article-comment-counts/v1/";

    /**
     * @param analyzer the text analyzer ({@code ${analyzer}} in settings.json)
     * @param replicas {@code number_of_replicas} ({@code "${replicas}"} in settings.json): never a constant in the
     *                 file, so a production cluster gets its replicas on creation and on every rebuild
     */
    public static IndexDefinition load(String folder, String analyzer, int replicas) {
        if (!analyzer.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("Not an analyzer name: " + analyzer);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("Not a replica count: " + replicas);
        }
        String settings = read(folder + "settings.json");
        if (!settings.contains("\"${replicas}\"")) {
            throw new IllegalStateException(folder + "settings.json must set \"number_of_replicas\": \"${replicas}\"");
        }
        return new IndexDefinition(settings.replace("${analyzer}", analyzer)
                .replace("\"${replicas}\"", Integer.toString(replicas)), read(folder + "mappings.json"));
    }

    private static String read(String resource) {
        try (InputStream in = IndexDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing index resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
