package dev.animetracker.gateway.media;

import java.net.UnknownHostException;

/**
 * An image URL (or a redirect) pointing where the proxy must not go. An {@link
 * UnknownHostException} so that Netty's resolver contract carries it unchanged.
 */
final class RefusedTargetException extends UnknownHostException {

  RefusedTargetException(String message) {
    super(message);
  }
}
