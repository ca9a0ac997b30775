/** The shared web edge of the newsroom services (auto-configured, like {@code outbox}). */
@NullMarked
package io.newsroom.edge;

import org.jspecify.annotations.NullMarked;
