package dev.animetracker.user.password;

import dev.animetracker.common.web.DomainException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Every password hashing slot stayed busy for the whole wait: refused with 503 and a {@code
 * Retry-After} instead of queueing more Argon2 memory than the heap can hold.
 */
public class PasswordHashingBusyException extends DomainException {

  private final Duration retryAfter;

  public PasswordHashingBusyException(Duration retryAfter) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "busy",
        "Too many sign-ins at once; try again in a few seconds.");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least one, for the {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
