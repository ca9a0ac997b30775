package io.newsroom.search.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test fixtures ({@code shared/fixtures}, beside the repository checkout). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/fixtures"), dir.resolve("../shared/fixtures")}) {
                if (Files.isDirectory(candidate)) {
                    return candidate.normalize();
                }
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }
}
