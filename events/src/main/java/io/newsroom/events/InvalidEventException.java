package io.newsroom.events;

import java.util.List;

/** An event that does not match its JSON Schema; the message lists every violation with its field. */
public class InvalidEventException extends IllegalArgumentException {

    private final EventType type;
    private final List<String> violations;

    public InvalidEventException(EventType type, List<String> violations) {
        super(type.ceType() + " does not match its schema: " + String.join("; ", violations));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public EventType type() {
        return type;
    }

    /** One entry per violation, each starting with the JSON Pointer of the field, e.g. {@code /postedAt: ...}. */
    public List<String> violations() {
        return violations;
    }
}
