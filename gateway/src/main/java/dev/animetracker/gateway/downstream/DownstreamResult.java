package dev.animetracker.gateway.downstream;

import java.util.Collections;
import java.util.LinkedHashMap;
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
      implements DownstreamResult<T> {

    /** The problem's {@code args}: the values its translated message quotes, by name. */
    public Map<String, Object> args() {
      return DownstreamResult.args(body.get("args"));
    }
  }

  /** The service is down, too slow, answered 5xx or the circuit is open. */
  record Unavailable<T>() implements DownstreamResult<T> {}

  /**
   * One entry of a validation problem's {@code errors}.
   *
   * @param message the service's English text: for logs, never shown on a page
   * @param args the values the translated message quotes, by name ({@code max} of a {@code Size})
   */
  record FieldError(String field, String code, String message, Map<String, Object> args) {}

  /** A problem's (or field error's) {@code args} member as a map of names to scalar values. */
  static Map<String, Object> args(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Map.of();
    }
    Map<String, Object> args = new LinkedHashMap<>();
    map.forEach(
        (name, arg) -> {
          if (name instanceof String key
              && (arg instanceof Number || arg instanceof String || arg instanceof Boolean)) {
            args.put(key, arg);
          }
        });
    return Collections.unmodifiableMap(args);
  }
}
