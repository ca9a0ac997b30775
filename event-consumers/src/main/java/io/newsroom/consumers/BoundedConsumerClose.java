package io.newsroom.consumers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Bounds how long a stopping consumer waits in {@code close()}. spring-kafka's container (4.0) leaves the group
 * ({@code unsubscribe()}) and then calls {@code consumer.close()} without a timeout, so Kafka waits up to its
 * default 30 s for pending requests (issue 16: a service took that long to stop); neither the container
 * properties nor the consumer factory have a close timeout. So each binding's consumer factory (the binder's
 * {@link ClientFactoryCustomizer} hook) wraps its consumers with spring-kafka's post-processor hook, and a
 * plain {@code close()} becomes {@code close(CloseOptions.timeout(closeTimeout))}.
 */
final class BoundedConsumerClose implements ClientFactoryCustomizer {

    private final Duration closeTimeout;

    BoundedConsumerClose(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void configure(ConsumerFactory<?, ?> factory) {
        if (factory instanceof DefaultKafkaConsumerFactory<?, ?> consumers) {
            addTo(consumers);
        }
    }

    private <K, V> void addTo(DefaultKafkaConsumerFactory<K, V> consumers) {
        consumers.addPostProcessor(consumer -> withCloseTimeout(consumer, closeTimeout));
    }

    /** The consumer, except that {@code close()} waits at most {@code timeout}. */
    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> withCloseTimeout(Consumer<K, V> consumer, Duration timeout) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                consumer.close(CloseOptions.timeout(timeout));
                return null;
            }
            try {
                return method.invoke(consumer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, handler);
    }
}
