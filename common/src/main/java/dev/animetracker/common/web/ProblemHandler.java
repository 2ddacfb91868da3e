package dev.animetracker.common.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem+json mapping shared by every servlet service: each service declares one
 * {@code @RestControllerAdvice} extending this class and adds handlers for its own exceptions only.
 */
public abstract class ProblemHandler extends ResponseEntityExceptionHandler {

  /** Base of the {@code type} URIs of our problems; the code is appended. */
  public static final String TYPE_BASE = "https://animetracker.dev/problems/";

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  /**
   * Redis error replies that mean "not now, try again": a Cluster failing over (a master was lost,
   * a slot is migrating), a replica still loading. Spring Data reports them as uncategorized
   * errors, so they are recognised by the reply's first word, which the Redis protocol fixes.
   */
  private static final Set<String> TRANSIENT_REDIS_ERRORS =
      Set.of("CLUSTERDOWN", "TRYAGAIN", "LOADING", "MASTERDOWN", "READONLY", "ASK", "MOVED");

  /**
   * Constraint attributes that are not values a message needs: Bean Validation's own plumbing, and
   * a {@code regexp}, which is an internal detail no reader should see.
   */
  private static final Set<String> NON_ARGUMENT_ATTRIBUTES =
      Set.of("message", "groups", "payload", "regexp", "flags");

  /** Seconds a client is asked to wait after a store outage: a Cluster failover takes ~2 s. */
  private static final String RETRY_AFTER_SECONDS = "2";

  /**
   * Builds a problem with our conventions: a type derived from the code and a {@code code} member.
   */
  public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + code));
    problem.setProperty("code", code);
    return problem;
  }

  /**
   * A problem whose translation needs values: they travel as the member {@code args} (name →
   * value), next to {@code code}, so clients say the same in their language instead of showing our
   * English {@code detail}. This is the one place the convention lives: {@code code} + {@code args}
   * for the problem, {@code errors[]} of {@code field} + {@code code} + {@code args} for fields.
   */
  public static ProblemDetail problem(
      HttpStatusCode status, String code, String detail, Map<String, ?> args) {
    ProblemDetail problem = problem(status, code, detail);
    if (!args.isEmpty()) {
      problem.setProperty("args", Map.copyOf(args));
    }
    return problem;
  }

  /** The values of a Bean Validation constraint a message needs ({@code min}, {@code max}, ...). */
  public static Map<String, Object> constraintArgs(ConstraintViolation<?> violation) {
    Map<String, Object> args = new LinkedHashMap<>();
    violation
        .getConstraintDescriptor()
        .getAttributes()
        .forEach(
            (name, value) -> {
              // An unbounded side (@Size(min = 8) has max = Integer.MAX_VALUE) limits nothing.
              boolean unbounded =
                  Integer.valueOf(Integer.MAX_VALUE).equals(value)
                      || Long.valueOf(Long.MAX_VALUE).equals(value);
              if (!NON_ARGUMENT_ATTRIBUTES.contains(name)
                  && !unbounded
                  && (value instanceof Number
                      || value instanceof String
                      || value instanceof Boolean)) {
                args.put(name, value);
              }
            });
    return args;
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException exception) {
    ProblemDetail problem =
        problem(exception.status(), exception.code(), exception.getMessage(), exception.args());
    exception.properties().forEach(problem::setProperty);
    return ResponseEntity.status(exception.status()).body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException exception) {
    List<FieldProblem> errors =
        exception.getConstraintViolations().stream()
            .map(
                violation ->
                    new FieldProblem(
                        lastNode(violation.getPropertyPath().toString()),
                        violation
                            .getConstraintDescriptor()
                            .getAnnotation()
                            .annotationType()
                            .getSimpleName(),
                        violation.getMessage(),
                        constraintArgs(violation)))
            .toList();
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  /**
   * A database or Redis that cannot answer right now (connection lost, failover, timeout) is a 503
   * with {@code Retry-After}: the request changed nothing and may be repeated, which a 500 does not
   * say.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> storeUnavailable(Exception exception, WebRequest request) {
    log.warn(
        "A store is unavailable on {}: {}", request.getDescription(false), exception.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "temporarily-unavailable",
                "The service is briefly unavailable; nothing was changed. Please try again."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception exception, WebRequest request)
      throws Exception {
    if (isSecurityException(exception)) {
      // Spring Security's filter turns these into 401/403 through the service's entry point.
      throw exception;
    }
    if (isTransientRedisError(exception)) {
      return storeUnavailable(exception, request);
    }
    log.error("Unexpected error on {}", request.getDescription(false), exception);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on our side; nothing was changed. Please try again."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        exception.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    new FieldProblem(
                        error.getField(),
                        error.getCode(),
                        error.getDefaultMessage(),
                        error.contains(ConstraintViolation.class)
                            ? constraintArgs(error.unwrap(ConstraintViolation.class))
                            : Map.of()))
            .toList();
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        exception.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    error.getCodes() == null || error.getCodes().length == 0
                                        ? "Invalid"
                                        : lastNode(error.getCodes()[error.getCodes().length - 1]),
                                    error.getDefaultMessage(),
                                    methodValidationArgs(result, error))))
            .toList();
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "The request body is not valid JSON of the expected shape."));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request body is too large."));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
      String code = statusCode.value() == 404 ? "not-found" : "http-" + statusCode.value();
      problem.setType(URI.create(TYPE_BASE + code));
      problem.setProperty("code", code);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  /** The validation problem body: a 400 with one entry per failing field. */
  public static ProblemDetail validationProblem(List<FieldProblem> errors) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation-failed",
            "Some fields are invalid: "
                + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList())
                + ".");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static Map<String, Object> methodValidationArgs(
      ParameterValidationResult result, MessageSourceResolvable error) {
    try {
      return constraintArgs(result.unwrap(error, ConstraintViolation.class));
    } catch (IllegalArgumentException notAViolation) {
      return Map.of();
    }
  }

  private static boolean isTransientRedisError(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null) {
        int space = message.indexOf(' ');
        if (TRANSIENT_REDIS_ERRORS.contains(space < 0 ? message : message.substring(0, space))) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean isSecurityException(Exception exception) {
    for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().startsWith("org.springframework.security.")) {
        return true;
      }
    }
    return false;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
