package io.newsroom.search.index;

import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the ES 9 client talk to an ES 8 server (the local devstack and tests run ES 8.19). The client
 * announces {@code compatible-with=9}, which 8.x rejects; these request options replace both media
 * types. {@code ClientConfiguration.withHeaders} does not work for this: it adds a duplicate header.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "newsroom.search.elasticsearch-compatibility", havingValue = "8")
class ElasticsearchCompatibilityConfiguration {

    static final String COMPATIBLE_WITH_8 = "application/vnd.elasticsearch+json; compatible-with=8";

    @Bean
    @ConditionalOnMissingBean
    Rest5ClientOptions compatibleWith8ClientOptions() {
        RequestOptions options = RequestOptions.DEFAULT.toBuilder()
                .addHeader("Accept", COMPATIBLE_WITH_8)
                .addHeader("Content-Type", COMPATIBLE_WITH_8)
                .build();
        return new Rest5ClientOptions(options, false);
    }
}
