/** Comment counts and the comment events published through the outbox. */
@NullMarked
package io.newsroom.comment.counts;

import org.jspecify.annotations.NullMarked;
