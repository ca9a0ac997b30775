/** The clock every service reads time from. */
@NullMarked
package io.newsroom.edge.time;

import org.jspecify.annotations.NullMarked;
