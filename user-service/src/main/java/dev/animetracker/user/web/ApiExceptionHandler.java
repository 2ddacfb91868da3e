package dev.animetracker.user.web;

import dev.animetracker.common.web.ProblemHandler;
import dev.animetracker.user.password.PasswordHashingBusyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps this service's errors to problem+json; see {@link ProblemHandler} for the shared cases
 * (domain exceptions, validation, malformed bodies, unknown routes, unexpected errors).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemHandler {

  /** Like any domain problem, plus the {@code Retry-After} a refused client needs. */
  @ExceptionHandler(PasswordHashingBusyException.class)
  ResponseEntity<ProblemDetail> hashingBusy(PasswordHashingBusyException busy) {
    return ResponseEntity.status(busy.status())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()))
        .body(problem(busy.status(), busy.code(), busy.getMessage()));
  }
}
