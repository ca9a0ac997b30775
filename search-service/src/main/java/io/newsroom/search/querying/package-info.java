/** Full-text search, facets and Latest over the index. */
@NullMarked
package io.newsroom.search.querying;

import org.jspecify.annotations.NullMarked;
