/** The public, anonymous reading API: Latest News, an article by slug, Must Read. */
@NullMarked
package io.newsroom.article.reading;

import org.jspecify.annotations.NullMarked;
