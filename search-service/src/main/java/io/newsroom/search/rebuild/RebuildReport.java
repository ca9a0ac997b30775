package io.newsroom.search.rebuild;

import java.util.List;

/**
 * The outcome of a rebuild, as the admin sees it.
 *
 * @param switched          whether the alias now points at {@code newIndex}; false when the check failed
 * @param eventsReplayed    article events read from the topic (including the catch-up after the switch)
 * @param skippedEvents     unreadable or rejected events (they are in, or belong in, the dead-letter topic)
 * @param docsPerSecond     replay throughput into the new index
 * @param check             the comparison of the new index with the topic, made before the switch
 */
public record RebuildReport(
        String previousIndex,
        String newIndex,
        boolean switched,
        long eventsReplayed,
        long skippedEvents,
        long caughtUpEvents,
        long tookMillis,
        double docsPerSecond,
        Check check) {

    /**
     * New index versus source of truth: same article ids, same versions, same published/unpublished state.
     *
     * @param examples up to 10 differing article ids, for the operator to look at
     */
    public record Check(boolean matches, long expectedArticles, long expectedPublished, long indexedArticles,
                        long indexedPublished, long missing, long unexpected, long versionMismatches,
                        List<String> examples) {
    }
}
