/** Forwarded headers, applied only from trusted proxies (the gateway). */
@NullMarked
package io.newsroom.edge.forwarding;

import org.jspecify.annotations.NullMarked;
