package io.newsroom.edge.problem;

/**
 * An input error whose message is written for the client (and echoes nothing it sent), so the handler may
 * show it as the field's {@code message}; other exceptions' messages are never shown.
 */
public interface SafeMessage {

    String clientMessage();
}
