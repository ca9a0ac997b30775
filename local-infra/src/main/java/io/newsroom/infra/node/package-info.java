/** Pinned Node tools (npm ci into target/) that tests run: the contract linters. */
package io.newsroom.infra.node;
