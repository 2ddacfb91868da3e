package dev.animetracker.tracker.server;

import dev.animetracker.tracker.protocol.TrackerProtocolException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the client is told when the swarm store fails. */
final class Replies {

  static final String INTERNAL_ERROR = "internal tracker error, try again later";

  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  /** The failure text for a failed announce or scrape: the refusal itself, or a generic error. */
  static String failureReason(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TrackerProtocolException refused) {
      return refused.failureReason();
    }
    log.warn("Tracker request failed", cause);
    return INTERNAL_ERROR;
  }
}
