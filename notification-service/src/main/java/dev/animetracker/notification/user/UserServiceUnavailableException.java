package dev.animetracker.notification.user;

/**
 * user-service could not answer (down, slow, an error status or an unreadable answer). Not an
 * event's fault: the shared Kafka error handler retries the event with backoff until it answers.
 *
 * <p>Deliberately carries no cause: the error handler classifies by the whole cause chain and skips
 * events whose processing failed with a Jackson exception, which would lose the mail.
 */
public class UserServiceUnavailableException extends RuntimeException {

  public UserServiceUnavailableException(String message) {
    super(message);
  }
}
