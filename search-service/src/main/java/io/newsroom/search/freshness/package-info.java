/** How fresh the index is: live refresh and publish-to-searchable latency. */
@NullMarked
package io.newsroom.search.freshness;

import org.jspecify.annotations.NullMarked;
