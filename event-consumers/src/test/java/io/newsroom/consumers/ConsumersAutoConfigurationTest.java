package io.newsroom.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;

class ConsumersAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(KafkaAutoConfiguration.class, ConsumersAutoConfiguration.class));

    @Test
    void aServiceWithTheKafkaBinderGetsTheErrorHandlingAndTheBoundedClose() {
        runner.run(context -> assertThat(context)
                .hasSingleBean(RetryThenDeadLetter.class)
                .hasSingleBean(BoundedConsumerClose.class)
                .hasSingleBean(DeadLetterPublishing.class)
                .getBean(ConsumersProperties.class).extracting(ConsumersProperties::attempts).isEqualTo(3));
    }

    @Test
    void aServicesOwnContainerCustomizerIsKept() {
        runner.withBean("own", ListenerContainerCustomizer.class, () -> (container, destination, group) -> { })
                .run(context -> assertThat(context).doesNotHaveBean(RetryThenDeadLetter.class)
                        .hasSingleBean(ListenerContainerCustomizer.class));
    }

    @Test
    void attemptsComeFromTheProperties() {
        runner.withPropertyValues("newsroom.consumers.attempts=4", "newsroom.consumers.close-timeout=1s")
                .run(context -> assertThat(context.getBean(ConsumersProperties.class))
                        .extracting(ConsumersProperties::attempts, p -> p.closeTimeout().toSeconds())
                        .containsExactly(4, 1L));
    }
}
