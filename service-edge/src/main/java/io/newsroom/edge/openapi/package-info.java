/** OpenAPI defaults every service's document shares: server, security scheme, problem responses. */
@NullMarked
package io.newsroom.edge.openapi;

import org.jspecify.annotations.NullMarked;
