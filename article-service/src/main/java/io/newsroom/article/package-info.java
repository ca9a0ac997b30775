/** The article service: editorial workflow, public reading API, events through the outbox. */
@NullMarked
package io.newsroom.article;

import org.jspecify.annotations.NullMarked;
