/** Applying article and comment events to the index, with retries and dead letters. */
@NullMarked
package io.newsroom.search.indexing;

import org.jspecify.annotations.NullMarked;
