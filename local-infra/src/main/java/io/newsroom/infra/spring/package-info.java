/**
 * Spring test configurations that hand REAL infrastructure to a service's integration tests through
 * Spring Boot {@code ConnectionDetails} beans (the contract {@code @ServiceConnection} uses):
 * {@code @Import(PostgresInfra.class)}, {@code @Import(KafkaInfra.class)},
 * {@code @Import(ElasticsearchInfra.class)}, {@code @Import(SecurityInfra.class)}.
 *
 * <p>Provider switch, property {@code newsroom.infra.provider}:
 * <ul>
 * <li>{@code local} (default): the JVM-wide instances from {@code io.newsroom.infra} (no Docker needed).</li>
 * <li>{@code testcontainers}: Testcontainers 2.x containers with {@code @ServiceConnection} instead (needs a
 * Docker engine and the optional {@code testcontainers-*} and {@code spring-boot-testcontainers} test
 * dependencies). Without Docker the context fails to start; tests never pass without their infra.</li>
 * </ul>
 */
package io.newsroom.infra.spring;
