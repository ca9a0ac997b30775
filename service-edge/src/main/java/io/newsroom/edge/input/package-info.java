/** What the services accept as input: plain text, no NUL or control characters, no coerced scalars. */
@NullMarked
package io.newsroom.edge.input;

import org.jspecify.annotations.NullMarked;
