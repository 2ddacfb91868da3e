package dev.animetracker.common.consume;

/**
 * An event that can never be processed (unreadable or violating its contract): retrying cannot
 * help, so the listener error handler logs and skips it instead of blocking the partition.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
