package dev.animetracker.gateway.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a call to user-service came to: a success, a problem answer, or no answer at all.
 *
 * @param <T> the success body
 */
public sealed interface UserServiceResult<T>
    permits UserServiceResult.Ok, UserServiceResult.Failed, UserServiceResult.Unavailable {

  /** A 2xx answer; the body is {@code null} for 202/204. */
  record Ok<T>(@Nullable T value) implements UserServiceResult<T> {}

  /** A 4xx problem answer. */
  record Failed<T>(int status, String code, String detail, List<FieldError> errors)
      implements UserServiceResult<T> {}

  /** user-service is down, too slow, answered 5xx or the circuit is open. */
  record Unavailable<T>() implements UserServiceResult<T> {}

  /** One entry of a validation problem's {@code errors}. */
  record FieldError(String field, String code, String message) {}
}
