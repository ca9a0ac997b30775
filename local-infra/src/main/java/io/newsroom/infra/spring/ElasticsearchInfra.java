package io.newsroom.infra.spring;

import java.util.List;

import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import io.newsroom.infra.LocalElasticsearch;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node.Protocol;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Elasticsearch 8.19 for a test application context: the shared {@link LocalElasticsearch} ({@code local})
 * or an 8.19 container with security off ({@code testcontainers}).
 *
 * <p>Both are ES 8 while the client (elasticsearch-java 9) announces {@code compatible-with=9}, which ES 8
 * rejects; the {@link Rest5ClientOptions} bean replaces both media types with {@code compatible-with=8}.
 * It is {@code @Primary} so it wins over a service's own equivalent bean.
 *
 * <p>Selected by {@code newsroom.infra.provider}: {@code local} (default) or {@code testcontainers}, which needs
 * a Docker engine and the optional Testcontainers test dependencies; without Docker the context fails to
 * start (Testcontainers cannot find a Docker environment), so a test never passes without its infrastructure.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ElasticsearchInfra {

    static final String COMPATIBLE_WITH_8 = "application/vnd.elasticsearch+json; compatible-with=8";

    @Bean
    @Primary
    Rest5ClientOptions elasticsearch8CompatibleClientOptions() {
        RequestOptions options = RequestOptions.DEFAULT.toBuilder()
                .addHeader("Accept", COMPATIBLE_WITH_8)
                .addHeader("Content-Type", COMPATIBLE_WITH_8)
                .build();
        return new Rest5ClientOptions(options, false);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = InfraProvider.PROPERTY, havingValue = "local", matchIfMissing = true)
    static class Local {

        @Bean
        ElasticsearchConnectionDetails localElasticsearchConnectionDetails() {
            var uri = LocalElasticsearch.shared().httpUri();
            return () -> List.of(new Node(uri.getHost(), uri.getPort(), Protocol.HTTP));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = InfraProvider.PROPERTY, havingValue = "testcontainers")
    static class Containers {

        @Bean
        @ServiceConnection
        ElasticsearchContainer elasticsearchContainer() {
            return new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        }
    }
}
