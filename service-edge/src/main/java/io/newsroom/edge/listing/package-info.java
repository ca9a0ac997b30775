/** The list envelope shared by every service's API. */
@NullMarked
package io.newsroom.edge.listing;

import org.jspecify.annotations.NullMarked;
