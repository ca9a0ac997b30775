/** RFC 9457 problem details for every error a service answers, framework errors included. */
@NullMarked
package io.newsroom.edge.problem;

import org.jspecify.annotations.NullMarked;
