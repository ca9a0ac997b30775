/** The service's own web edge: its authorization rules. */
@NullMarked
package io.newsroom.comment.web;

import org.jspecify.annotations.NullMarked;
