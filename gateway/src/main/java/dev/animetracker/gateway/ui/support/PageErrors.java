package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.problem.GatewayException;
import org.springframework.http.HttpStatus;

/**
 * The "temporarily unavailable" errors pages end in when a service does not answer; the error
 * handler renders them as the localized error page (503).
 */
public final class PageErrors {

  private PageErrors() {}

  /** user-service is down, slow or behind an open circuit. */
  public static GatewayException accountUnavailable() {
    return new GatewayException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "The account service is temporarily unavailable.");
  }

  /** torrent-service is down, slow or behind an open circuit. */
  public static GatewayException catalogUnavailable() {
    return new GatewayException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "The torrent catalogue service is temporarily unavailable.");
  }
}
