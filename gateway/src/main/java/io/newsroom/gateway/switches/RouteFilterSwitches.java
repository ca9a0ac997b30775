package io.newsroom.gateway.switches;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Takes the CircuitBreaker / Retry route filters out of the configured routes when they are switched off
 * ({@code newsroom.gateway.switched-off}), so the benchmark can price them without a second route table; and warns
 * about every switched-off filter.
 */
@Configuration(proxyBeanMethods = false)
class RouteFilterSwitches {

    private static final Logger log = LoggerFactory.getLogger(RouteFilterSwitches.class);

    @Bean
    static BeanPostProcessor routeFiltersSwitchedOff(Environment environment) {
        Set<String> off = FilterSwitches.off(environment);
        if (!off.isEmpty()) {
            log.warn("Filters switched off ({}={}): measurement only, never in production", FilterSwitches.PROPERTY,
                    off);
        }
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof GatewayProperties gateway) {
                    gateway.getRoutes().forEach(route -> route.getFilters().removeIf(filter ->
                            (off.contains(FilterSwitches.CIRCUIT_BREAKER) && "CircuitBreaker".equals(filter.getName()))
                                    || (off.contains(FilterSwitches.RETRY) && "Retry".equals(filter.getName()))));
                }
                return bean;
            }
        };
    }
}
