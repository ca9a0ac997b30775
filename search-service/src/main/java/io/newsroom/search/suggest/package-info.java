/** Headline suggestions as the reader types. */
@NullMarked
package io.newsroom.search.suggest;

import org.jspecify.annotations.NullMarked;
