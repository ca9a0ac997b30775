package io.newsroom.edge.problem;

/** One invalid input: the field, parameter or header, and what is wrong with it (the {@code errors} items). */
public record FieldProblem(String field, String message) {
}
