package dev.animetracker.common.mailtoken;

import org.jspecify.annotations.Nullable;

/**
 * A sealed token that cannot be opened: tampered with, sealed for another purpose or user, sealed
 * with another key, or not a sealed token at all.
 */
public class SealedTokenException extends RuntimeException {

  public SealedTokenException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
