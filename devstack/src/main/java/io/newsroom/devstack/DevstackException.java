package io.newsroom.devstack;

/** A start that cannot go on; the message says what and why, for a person at a terminal. */
final class DevstackException extends RuntimeException {
    DevstackException(String message) {
        super(message);
    }

    DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
