package io.newsroom.article;

import io.newsroom.edge.problem.FieldProblem;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** Input that passed bean validation but is still wrong, e.g. a Must Read pick of an unpublished article (400). */
public class InvalidFieldException extends ErrorResponseException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, Problems.invalidRequest("The request has an invalid field.",
                List.of(new FieldProblem(field, message))), null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
