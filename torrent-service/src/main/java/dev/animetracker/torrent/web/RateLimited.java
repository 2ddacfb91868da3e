package dev.animetracker.torrent.web;

import dev.animetracker.common.web.DomainException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429 with a stable code and a {@code Retry-After} (whole seconds, at least 1). */
public class RateLimited extends DomainException {

  private final long retryAfterSeconds;

  public RateLimited(String code, String detail, Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        code,
        detail,
        Map.of("retryAfter", Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
