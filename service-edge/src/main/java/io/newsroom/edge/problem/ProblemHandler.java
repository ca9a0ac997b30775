package io.newsroom.edge.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.PropertyBindingException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception handler of every service: Spring MVC's own exceptions, bean validation of bodies and
 * parameters, unreadable JSON and {@link org.springframework.web.ErrorResponseException}s thrown by service
 * code all become problem+json with a newsroom type. Bad input is 400 {@code invalid-request} with
 * {@code errors: [{field, message}]}; details are our own words, never an exception's message (which may
 * echo input or name internals). Lowest precedence: a controller's own {@code @ExceptionHandler} still wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        message(error)))
                .toList();
        // A @Valid query object (e.g. search-service's GET /search parameters) fails the same way as a body does.
        String detail = ex.getParameter().hasParameterAnnotation(RequestBody.class)
                ? "The request body has invalid fields." : "The request has invalid parameters.";
        return invalid(ex, detail, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError field ? field.getField() : parameterName(result.getMethodParameter()),
                        message(error))))
                .toList();
        return invalid(ex, "The request has invalid parameters.", errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return invalid(ex, "The request has invalid parameters.", List.of(new FieldProblem(field, expected(ex))),
                headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, "The request lacks a required parameter.",
                List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return invalid(ex, "The request lacks a required header.",
                    List.of(new FieldProblem(header.getHeaderName(), "is required")), headers, request);
        }
        return invalid(ex, "The request is missing something this operation needs.", List.of(), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof ErrorResponse error) {
            // e.g. a body over the size limit, detected while Jackson reads it
            return handleExceptionInternal(ex, error.getBody(), error.getHeaders(), error.getStatusCode(), request);
        }
        if (cause instanceof PropertyBindingException unknown) {
            return invalid(ex, "The request body has an unknown field.",
                    List.of(new FieldProblem(JsonPaths.of(unknown), "is not a known field")), headers, request);
        }
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String message = cause instanceof SafeMessage safe ? safe.clientMessage() : "has the wrong type or format";
            return invalid(ex, "The request body has an invalid field.",
                    List.of(new FieldProblem(JsonPaths.of(json), message)), headers, request);
        }
        return invalid(ex, "The request body is not valid JSON for this operation.", List.of(), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's detail names the static resource it looked for; the client only needs to know there is none.
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, "Nothing lives at this path."),
                headers, status, request);
    }

    /** Constraints checked outside Spring MVC's method validation, e.g. a {@code @Validated} service bean. */
    @ExceptionHandler
    public @Nullable ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex,
                                                                      WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
                })
                .toList();
        return invalid(ex, "The request has invalid parameters.", errors, new HttpHeaders(), request);
    }

    /**
     * The service's own store (its PostgreSQL, its Elasticsearch) cannot be reached or dropped the connection: the
     * request did nothing wrong, so not a 500 but a 503 the client may retry ({@code Retry-After}), answered as soon
     * as the store refuses (see {@link io.newsroom.edge.EdgeDefaults} for how long a request waits for a connection).
     * A {@link TransactionSystemException} is a commit or rollback the store could not do, e.g. a rollback on a
     * connection the restarting database just cut (it then hides the statement's own failure). A write that got this
     * answer was not acknowledged; the client sends it again or reads what is stored.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    public @Nullable ResponseEntity<Object> handleStoreUnavailable(Exception ex, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(ex, Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Service unavailable", "The service cannot reach its data store right now; try again shortly."),
                headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof NativeWebRequest web
                && web.getNativeRequest() instanceof HttpServletRequest servlet) {
            ProblemTypes.complete(problem, servlet.getRequestURI());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private @Nullable ResponseEntity<Object> invalid(Exception ex, String detail, List<FieldProblem> errors,
                                                     HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(ex, Problems.invalidRequest(detail, errors), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    private static String message(MessageSourceResolvable error) {
        if (error instanceof FieldError field && field.contains(TypeMismatchException.class)) {
            return "has the wrong type or format";
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** For an enum, the values it accepts (in any case); otherwise a generic message, never the input echoed. */
    private static String expected(TypeMismatchException ex) {
        Class<?> type = ex.getRequiredType();
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return type == null ? "is not a valid value" : "is not a valid " + describe(type);
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "whole number";
            case "UUID" -> "UUID";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "timestamp (ISO 8601)";
            case "LocalDate" -> "date (ISO 8601, yyyy-MM-dd)";
            case "boolean", "Boolean" -> "boolean (true or false)";
            default -> "value";
        };
    }

    /** The name the client uses: {@code @RequestParam("q") String query} is "q". */
    static String parameterName(MethodParameter parameter) {
        String name = "";
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (param != null) {
            name = param.name();
        } else if (path != null) {
            name = path.name();
        } else if (header != null) {
            name = header.name();
        }
        return name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
    }
}
