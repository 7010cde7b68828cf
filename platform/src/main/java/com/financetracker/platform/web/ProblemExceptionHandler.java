package com.financetracker.platform.web;

import com.financetracker.platform.validation.JsonInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem. Messages are written for clients: they
 * name fields and expected formats, never classes, SQL or stack traces; unexpected failures are logged with the
 * request id and answered with a bare 500.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    /**
     * Every problem ends here and is written straight to the response as problem+json, whatever the request's Accept
     * header asked for: content negotiation must not turn an error into an empty answer (an Accept header that cannot
     * even be parsed would).
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (body instanceof ProblemDetail detail) {
            problem = detail;
        } else if (ex instanceof ErrorResponse errorResponse) {
            problem = errorResponse.getBody();
        } else {
            problem = ProblemResponses.of(ProblemType.forStatus(status.value()), "The request could not be processed");
        }
        if (status.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        ServletWebRequest servlet = (ServletWebRequest) request;
        HttpServletResponse response = servlet.getResponse();
        if (response == null || response.isCommitted()) {
            log.warn("Could not answer {} with a problem: the response was already under way", status.value());
            return null;
        }
        response.resetBuffer();
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        problem.setStatus(status.value());
        try {
            problems.write(servlet.getRequest(), response, problem);
        } catch (IOException e) {
            log.debug("Could not write a problem response: {}", e.getMessage());
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldProblem(error.getField(), error)));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(fieldProblem(error.getObjectName(), error)));
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors parameterErrors) {
                // a body's or a parameter object's fields, named as the client sent them
                for (FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(fieldProblem(error.getField(), error));
                }
            }
            String indexed = result.getContainerIndex() == null ? name : name + "[" + result.getContainerIndex() + "]";
            result.getResolvableErrors().stream()
                    .filter(error -> !(error instanceof FieldError))
                    .forEach(error -> errors.add(fieldProblem(indexed, error)));
        }
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? parameterName(mismatch.getParameter())
                : Optional.ofNullable(ex.getPropertyName()).orElse("value");
        return invalid(
                ex,
                List.of(new FieldProblem(name, "must be " + JsonInput.describe(ex.getRequiredType()))),
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = cause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return problem(ex, ProblemType.PAYLOAD_TOO_LARGE, tooLarge.detail(), headers, request);
        }
        if (cause(ex, UnstorableText.UnstorableTextException.class)
                instanceof UnstorableText.UnstorableTextException nul) {
            return invalid(
                    ex, List.of(new FieldProblem(JsonInput.path(nul), UnstorableText.MESSAGE)), headers, request);
        }
        if (cause(ex, UnrecognizedPropertyException.class) instanceof UnrecognizedPropertyException unknown) {
            return invalid(
                    ex, List.of(new FieldProblem(JsonInput.path(unknown), "is not a known field")), headers, request);
        }
        if (cause(ex, InvalidFormatException.class) instanceof InvalidFormatException format) {
            return invalid(
                    ex,
                    List.of(new FieldProblem(
                            JsonInput.path(format), "must be " + JsonInput.describe(format.getTargetType()))),
                    headers,
                    request);
        }
        if (cause(ex, MismatchedInputException.class) instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalid(
                    ex,
                    List.of(new FieldProblem(
                            JsonInput.path(mismatch), "must be " + JsonInput.describe(mismatch.getTargetType()))),
                    headers,
                    request);
        }
        if (cause(ex, DatabindException.class) instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            return invalid(ex, List.of(new FieldProblem(JsonInput.path(databind), "is invalid")), headers, request);
        }
        if (cause(ex, StreamReadException.class) instanceof StreamReadException malformed) {
            String where = malformed.getLocation() == null
                    ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column "
                            + malformed.getLocation().getColumnNr();
            return problem(ex, ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where, headers, request);
        }
        String detail = cause(ex, JacksonException.class) == null
                ? "A request body is required"
                : "The request body does not have the expected shape";
        return problem(ex, ProblemType.MALFORMED_REQUEST, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String given =
                ex.getContentType() == null ? "none" : ex.getContentType().toString();
        String detail = "Content type " + given + " is not supported; use "
                + ex.getSupportedMediaTypes().stream()
                        .map(Object::toString)
                        .reduce((a, b) -> a + " or " + b)
                        .orElse("another type");
        return problem(ex, ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // sorted: with a handler per type, Spring gathers the types in an order that changes from one start to another
        String offered = ex.getSupportedMediaTypes().isEmpty()
                ? "application/json"
                : ex.getSupportedMediaTypes().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
        return problem(
                ex,
                ProblemType.NOT_ACCEPTABLE,
                "The Accept header asks for a type this endpoint does not answer with; it offers " + offered,
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "Method " + ex.getMethod() + " is not supported here; allowed: "
                + String.join(
                        ", ", Optional.ofNullable(ex.getSupportedMethods()).orElse(new String[0]));
        return problem(ex, ProblemType.METHOD_NOT_ALLOWED, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        String detail = "No endpoint " + servletRequest.getMethod() + " " + servletRequest.getRequestURI();
        return problem(ex, ProblemType.NOT_FOUND, detail, headers, request);
    }

    /** Method validation outside controllers ({@code @Validated} beans) that reached the web layer. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(leafName(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return invalid(ex, errors, new HttpHeaders(), request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex, WebRequest request) {
        return problem(ex, ProblemType.PAYLOAD_TOO_LARGE, ex.detail(), new HttpHeaders(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(ex, ProblemType.FORBIDDEN, "You may not do this", new HttpHeaders(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return problem(ex, ProblemType.UNAUTHORIZED, "A valid access token is required", new HttpHeaders(), request);
    }

    // a transaction that cannot get a connection in time fails with CannotCreateTransactionException, a statement
    // outside one with CannotGetJdbcConnectionException (a DataAccessResourceFailureException)
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Object> databaseUnavailable(RuntimeException ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(
                ex,
                ProblemType.SERVICE_UNAVAILABLE,
                "The service is briefly unavailable; retry shortly",
                headers,
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        return problem(
                ex,
                ProblemType.INTERNAL,
                "An unexpected error occurred; it has been logged",
                new HttpHeaders(),
                request);
    }

    private ResponseEntity<Object> invalid(
            Exception ex, List<FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemResponses.of(ProblemType.VALIDATION, FieldProblem.summary(errors.size()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> problem(
            Exception ex, ProblemType type, String detail, HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(ex, ProblemResponses.of(type, detail), headers, type.status(), request);
    }

    /**
     * A field's problem in words: the constraint's message, or, for a value that could not even be converted (a
     * request parameter bound to a record), what it should look like, never the converter's message.
     */
    private static FieldProblem fieldProblem(String field, MessageSourceResolvable error) {
        if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
            return new FieldProblem(
                    field,
                    fieldError.contains(TypeMismatchException.class)
                            ? "must be "
                                    + JsonInput.describe(fieldError
                                            .unwrap(TypeMismatchException.class)
                                            .getRequiredType())
                            : "is invalid");
        }
        return new FieldProblem(
                field, Optional.ofNullable(error.getDefaultMessage()).orElse("is invalid"));
    }

    private static String leafName(Path path) {
        String name = "value";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != ElementKind.METHOD) {
                name = node.getName();
            }
        }
        return name;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return Optional.ofNullable(parameter.getParameterName()).orElse("parameter");
    }

    private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }
}
