/** The search service: the search read model over Elasticsearch, a projection of the article topic. */
@NullMarked
package io.newsroom.search;

import org.jspecify.annotations.NullMarked;
