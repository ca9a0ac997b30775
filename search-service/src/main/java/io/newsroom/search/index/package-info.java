/** The Elasticsearch indices: definitions, documents, comment counts. */
@NullMarked
package io.newsroom.search.index;

import org.jspecify.annotations.NullMarked;
