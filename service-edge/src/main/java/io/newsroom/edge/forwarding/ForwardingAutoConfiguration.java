package io.newsroom.edge.forwarding;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers {@link TrustedForwardedHeaders} first of all filters, before Spring Security, so the 401's
 * {@code resource_metadata}, redirects and {@code Location}s all see the gateway's URL.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TrustedProxiesProperties.class)
public class ForwardingAutoConfiguration {

    @Bean
    FilterRegistrationBean<TrustedForwardedHeaders> trustedForwardedHeaders(TrustedProxiesProperties properties) {
        var registration = new FilterRegistrationBean<>(new TrustedForwardedHeaders(properties.trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
