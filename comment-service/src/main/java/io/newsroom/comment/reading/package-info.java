/** Reading a thread: public comments, safe HTML, cursors. */
@NullMarked
package io.newsroom.comment.reading;

import org.jspecify.annotations.NullMarked;
