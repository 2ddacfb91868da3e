package dev.animetracker.user.token;

import dev.animetracker.common.web.DomainException;
import org.springframework.http.HttpStatus;

/** An e-mailed token that is unknown, already used or expired. */
public class InvalidTokenException extends DomainException {

  public InvalidTokenException() {
    super(
        HttpStatus.BAD_REQUEST,
        "invalid-token",
        "This link is invalid or has expired; request a new one.");
  }
}
