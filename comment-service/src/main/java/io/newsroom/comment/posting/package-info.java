/** Posting a comment: the form, anti-bot tokens, flood limits. */
@NullMarked
package io.newsroom.comment.posting;

import org.jspecify.annotations.NullMarked;
