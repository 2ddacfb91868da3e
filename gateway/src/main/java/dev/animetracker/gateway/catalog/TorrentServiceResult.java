package dev.animetracker.gateway.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a call to torrent-service came to: a success, a problem answer, or no answer at all.
 *
 * @param <T> the success body
 */
public sealed interface TorrentServiceResult<T>
    permits TorrentServiceResult.Ok, TorrentServiceResult.Failed, TorrentServiceResult.Unavailable {

  /** A 2xx answer; the body is {@code null} for 204. */
  record Ok<T>(@Nullable T value) implements TorrentServiceResult<T> {}

  /**
   * A 4xx problem answer.
   *
   * @param body the whole problem (for extension members such as {@code torrentId})
   */
  record Failed<T>(
      int status, String code, String detail, List<FieldError> errors, Map<String, Object> body)
      implements TorrentServiceResult<T> {}

  /** torrent-service is down, too slow, answered 5xx or the circuit is open. */
  record Unavailable<T>() implements TorrentServiceResult<T> {}

  /** One entry of a validation problem's {@code errors}. */
  record FieldError(String field, String code, String message) {}
}
