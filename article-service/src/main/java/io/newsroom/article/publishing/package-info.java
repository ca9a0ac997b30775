/** Announcing public changes (outbox events) and publishing scheduled articles on time. */
@NullMarked
package io.newsroom.article.publishing;

import org.jspecify.annotations.NullMarked;
