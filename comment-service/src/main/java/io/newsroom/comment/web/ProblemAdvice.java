package io.newsroom.comment.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.PropertyBindingException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** RFC 9457 problems with per-field {@code errors: [{field, message}]} for every kind of bad input. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final URI INVALID_REQUEST = URI.create("https://newsroom.example/problems/invalid-request");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> fieldError(e.getField(), e.getDefaultMessage())).toList();
        return invalid("The request has invalid fields.", errors, headers, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> fieldError(
                        result.getMethodParameter().getParameterName(), message(error))))
                .toList();
        return invalid("The request has invalid parameters.", errors, headers, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getMostSpecificCause() instanceof PropertyBindingException unknown
                ? List.of(fieldError(unknown.getPropertyName(), "is not a known field"))
                : List.of();
        return invalid("The request body is not valid JSON for this endpoint.", errors, headers, request, ex);
    }

    private ResponseEntity<Object> invalid(String detail, List<Map<String, String>> errors, HttpHeaders headers,
                                           WebRequest request, Exception ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
    }

    private static String message(MessageSourceResolvable error) {
        return error instanceof FieldError f ? f.getDefaultMessage() : error.getDefaultMessage();
    }
}
