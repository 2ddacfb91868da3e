package dev.animetracker.user.web;

import dev.animetracker.common.web.ProblemHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps this service's errors to problem+json; see {@link ProblemHandler} for the shared cases
 * (domain exceptions, validation, malformed bodies, unknown routes, unexpected errors).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemHandler {}
