package dev.animetracker.common.user;

/**
 * user-service could not answer (down, slow, an error status or an unreadable answer). Not the
 * caller's fault: a listener lets it propagate so the shared Kafka error handler retries the event
 * with backoff; a request answers 503.
 *
 * <p>Deliberately carries no cause: the Kafka error handler classifies by the whole cause chain and
 * skips events whose processing failed with a Jackson exception, which would lose the event.
 */
public class UserServiceUnavailableException extends RuntimeException {

  public UserServiceUnavailableException(String message) {
    super(message);
  }
}
