/** The comment service: "Leave a reply", threads, moderation, comment counts. */
@NullMarked
package io.newsroom.comment;

import org.jspecify.annotations.NullMarked;
