package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import java.util.Random;

/** Where a benchmark's articles and reader queries come from (see {@link BenchSupport#corpus()}). */
interface Corpus {

    /** Article number {@code n}, published at some time in the last three years. */
    ArticlePublished article(Random random, int n);

    /** What a reader types into the search box. */
    String query(Random random);
}
