/** Which articles accept comments: a projection of the article events. */
@NullMarked
package io.newsroom.comment.articles;

import org.jspecify.annotations.NullMarked;
