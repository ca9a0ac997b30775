/** The HTTP API: controllers, authorization rules, the reader concurrency limit. */
@NullMarked
package io.newsroom.search.web;

import org.jspecify.annotations.NullMarked;
