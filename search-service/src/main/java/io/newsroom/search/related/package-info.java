/** More Articles Like This. */
@NullMarked
package io.newsroom.search.related;

import org.jspecify.annotations.NullMarked;
