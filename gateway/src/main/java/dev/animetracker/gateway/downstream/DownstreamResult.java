package dev.animetracker.gateway.downstream;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a call to a downstream service (user-service, torrent-service) came to: a success, a problem
 * answer, or no answer at all.
 *
 * @param <T> the success body
 */
public sealed interface DownstreamResult<T>
    permits DownstreamResult.Ok, DownstreamResult.Failed, DownstreamResult.Unavailable {

  /** The success body, or {@code fallback} when there is none (no success, or an empty body). */
  default T orElse(T fallback) {
    return this instanceof Ok<T>(T value) && value != null ? value : fallback;
  }

  /** A 2xx answer; the body is {@code null} for 202/204. */
  record Ok<T>(@Nullable T value) implements DownstreamResult<T> {}

  /**
   * A 4xx problem answer.
   *
   * @param body the whole problem (for extension members such as {@code torrentId})
   */
  record Failed<T>(
      int status, String code, String detail, List<FieldError> errors, Map<String, Object> body)
      implements DownstreamResult<T> {}

  /** The service is down, too slow, answered 5xx or the circuit is open. */
  record Unavailable<T>() implements DownstreamResult<T> {}

  /** One entry of a validation problem's {@code errors}. */
  record FieldError(String field, String code, String message) {}
}
