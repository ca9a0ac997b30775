/** Resource-server security: a service states only its authorization rules. */
@NullMarked
package io.newsroom.edge.security;

import org.jspecify.annotations.NullMarked;
