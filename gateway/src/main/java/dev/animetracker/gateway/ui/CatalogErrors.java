package dev.animetracker.gateway.ui;

import dev.animetracker.gateway.error.GatewayException;
import org.springframework.http.HttpStatus;

/** The errors catalogue pages end in (rendered as the localized error page). */
final class CatalogErrors {

  private CatalogErrors() {}

  static GatewayException unavailable() {
    return new GatewayException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "The torrent catalogue service is temporarily unavailable.");
  }

  static GatewayException torrentNotFound() {
    return new GatewayException(
        HttpStatus.NOT_FOUND, "torrent-not-found", "There is no such torrent.");
  }

  static GatewayException forbidden() {
    return new GatewayException(HttpStatus.FORBIDDEN, "forbidden", "You may not do this.");
  }
}
