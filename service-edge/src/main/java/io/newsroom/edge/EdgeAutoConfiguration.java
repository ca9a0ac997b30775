package io.newsroom.edge;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The web edge every newsroom service shares. A service adds this module and states only its own
 * authorization rules and problem types.
 */
@AutoConfiguration
public class EdgeAutoConfiguration {
}
