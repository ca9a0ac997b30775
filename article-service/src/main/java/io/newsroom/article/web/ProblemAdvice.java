package io.newsroom.article.web;

import io.newsroom.article.InvalidFieldException;
import io.newsroom.article.editorial.ArticleNotFoundException;
import io.newsroom.article.editorial.IllegalTransitionException;
import io.newsroom.article.editorial.SlugConflictException;
import io.newsroom.article.editorial.StaleVersionException;
import io.newsroom.article.reading.ArticleGoneException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;

/**
 * RFC 9457 problem details for every error, with {@code errors: [{field, message}]} for bad input.
 * Every handled error is a 4xx with a message the client can act on.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    /** One invalid input field. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError f ? f.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return badRequest("Invalid request body", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), message(error))))
                .toList();
        return badRequest("Invalid request parameters", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof RequestTooLargeException tooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return badRequest("Unknown field", List.of(new FieldProblem(path(unknown), "is not a known field")));
        }
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            return badRequest("Malformed field", List.of(new FieldProblem(path(json), "has the wrong type or format")));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return badRequest("Invalid input", List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(ArticleNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> gone(ArticleGoneException ex) {
        return problem(HttpStatus.GONE, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> illegalTransition(IllegalTransitionException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> slugConflict(SlugConflictException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> stale(StaleVersionException ex) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(ETags.of(ex.currentVersion()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> preconditionFailed(ETags.PreconditionFailedException ex) {
        return problem(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> preconditionRequired(ETags.PreconditionRequiredException ex) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, ex.getMessage());
    }

    private static ResponseEntity<Object> badRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage();
    }

    /** "byline[0].name" from Jackson's reference path. */
    private static String path(JacksonException ex) {
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
