/** Moderation: queues, decisions, rules, reader reports, blocked emails. */
@NullMarked
package io.newsroom.comment.moderation;

import org.jspecify.annotations.NullMarked;
