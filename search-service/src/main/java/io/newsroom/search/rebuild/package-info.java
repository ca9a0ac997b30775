/** Rebuilding the index from the article topic, and verifying it. */
@NullMarked
package io.newsroom.search.rebuild;

import org.jspecify.annotations.NullMarked;
