package io.newsroom.search.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details with the offending fields listed as {@code errors: [{field, message}]}.
 * Everything else (404, 405, ...) comes from Spring's own problem details.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(fieldProblems(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(fieldName(result.getMethodParameter().getParameterName(), error),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
    }

    /** Safety net for constraints checked outside Spring MVC's own method validation. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new FieldProblem(ex.getName(), "is not a valid value")));
    }

    private static List<FieldProblem> fieldProblems(BindException ex) {
        return ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        message(error)))
                .toList();
    }

    private static String message(ObjectError error) {
        return error.contains(TypeMismatchException.class) ? "is not a valid value"
                : error.getDefaultMessage();
    }

    private static String fieldName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError field ? field.getField() : parameter;
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }
}
