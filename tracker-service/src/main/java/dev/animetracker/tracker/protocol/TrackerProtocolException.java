package dev.animetracker.tracker.protocol;

/**
 * A request the tracker refuses, with the text sent back as the BEP 3 {@code failure reason} or in
 * a BEP 15 error packet. Thrown on the hot path, so it carries no stack trace.
 */
public class TrackerProtocolException extends Exception {

  private final String failureReason;

  public TrackerProtocolException(String failureReason) {
    super(failureReason, null, false, false);
    this.failureReason = failureReason;
  }

  public String failureReason() {
    return failureReason;
  }
}
