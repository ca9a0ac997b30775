package io.newsroom.consumers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Why the event could not be applied, for the dead letter's {@link #HEADER}. spring-kafka's
 * {@code kafka_dlt-exception-message} names the outermost exception, with retries in the container the binder's
 * wrapper ("Listener failed; error occurred in message handler"), which says nothing about the event.
 */
public final class DeadLetterReason {

    /** Header on every dead letter: the reason, UTF-8 text. */
    public static final String HEADER = "newsroom_dlt-reason";

    private final List<Class<? extends Throwable>> reasonTypes;

    /** @param reasonTypes exceptions that name the event's problem; the first one in the cause chain wins */
    public DeadLetterReason(List<Class<? extends Throwable>> reasonTypes) {
        this.reasonTypes = List.copyOf(reasonTypes);
    }

    /** The first exception of a reason type in the cause chain, else the innermost cause. */
    public Throwable of(Throwable error) {
        Throwable innermost = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isReason(t)) {
                return t;
            }
            innermost = t;
        }
        return innermost;
    }

    /** {@link #of}'s message, or its class name when it has none (an empty reason would tell nothing). */
    public byte[] header(Throwable error) {
        Throwable reason = of(error);
        String text = reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private boolean isReason(Throwable t) {
        return reasonTypes.stream().anyMatch(type -> type.isInstance(t));
    }
}
