package io.newsroom.edge.input;

import io.newsroom.edge.problem.SafeMessage;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON string with a control character in it: the shared handler answers 400 naming the field. */
public class ControlCharacterException extends MismatchedInputException implements SafeMessage {

    static final String MESSAGE = "must not contain control characters (NUL and the like)";

    ControlCharacterException(JsonParser parser) {
        super(parser, MESSAGE, String.class);
    }

    @Override
    public String clientMessage() {
        return MESSAGE;
    }
}
