package io.newsroom.edge.problem;

import tools.jackson.core.JacksonException;

/** The field a Jackson error is about, as a client writes it: {@code byline[0].name}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JacksonException ex) {
        var path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
