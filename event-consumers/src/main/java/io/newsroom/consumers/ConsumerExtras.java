package io.newsroom.consumers;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a service adds to the shared failure handling, declared as a bean (several are merged):
 * <pre>{@code
 * @Bean
 * ConsumerExtras indexingConsumerExtras() {
 *     return ConsumerExtras.deadLetterTopicsFor(Topics.ARTICLE, Topics.COMMENT)
 *             .retryUntilBackOn(TransientIndexingException.class)
 *             .reasonFrom(PoisonEventException.class);
 * }
 * }</pre>
 *
 * @param deadLetterTopicsFor source topics whose {@code <topic>.dlt} is created before the consumers start
 * @param outages             further exceptions meaning "the store is away": retried until it is back
 * @param reasons             exceptions that name the event's own problem: the first one in the cause chain is the
 *                            dead letter's reason (else the innermost cause)
 */
public record ConsumerExtras(List<String> deadLetterTopicsFor, List<Class<? extends Throwable>> outages,
                             List<Class<? extends Throwable>> reasons) {

    public static final ConsumerExtras NONE = new ConsumerExtras(List.of(), List.of(), List.of());

    public ConsumerExtras {
        deadLetterTopicsFor = List.copyOf(deadLetterTopicsFor);
        outages = List.copyOf(outages);
        reasons = List.copyOf(reasons);
    }

    public static ConsumerExtras deadLetterTopicsFor(String... sourceTopics) {
        return NONE.and(new ConsumerExtras(List.of(sourceTopics), List.of(), List.of()));
    }

    @SafeVarargs
    public final ConsumerExtras retryUntilBackOn(Class<? extends Throwable>... outageTypes) {
        return and(new ConsumerExtras(List.of(), List.of(outageTypes), List.of()));
    }

    @SafeVarargs
    public final ConsumerExtras reasonFrom(Class<? extends Throwable>... reasonTypes) {
        return and(new ConsumerExtras(List.of(), List.of(), List.of(reasonTypes)));
    }

    ConsumerExtras and(ConsumerExtras other) {
        return new ConsumerExtras(concat(deadLetterTopicsFor, other.deadLetterTopicsFor),
                concat(outages, other.outages), concat(reasons, other.reasons));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
