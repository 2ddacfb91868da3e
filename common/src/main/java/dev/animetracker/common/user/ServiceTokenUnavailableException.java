package dev.animetracker.common.user;

import java.io.IOException;

/**
 * No service token could be had from user-service. An {@link IOException}, so that a {@link
 * org.springframework.web.client.RestClient} call reports it like any other unreachable peer.
 */
public class ServiceTokenUnavailableException extends IOException {

  public ServiceTokenUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
