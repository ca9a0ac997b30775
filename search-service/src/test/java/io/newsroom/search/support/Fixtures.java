package io.newsroom.search.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the fixtures: the repository's own {@code fixtures/} (seed page and Wikinews corpus, see
 * NOTICE.md), or {@code shared/fixtures} beside the checkout, where they came from.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("fixtures"), dir.resolve("shared/fixtures"),
                    dir.resolve("../shared/fixtures")}) {
                if (Files.isRegularFile(candidate.resolve("wikinews/news.jsonl"))) {
                    return candidate.normalize();
                }
            }
        }
        throw new IllegalStateException("fixtures/wikinews/news.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
