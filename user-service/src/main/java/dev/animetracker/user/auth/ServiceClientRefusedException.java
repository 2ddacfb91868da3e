package dev.animetracker.user.auth;

import dev.animetracker.common.web.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /oauth2/token} refused. The problem carries RFC 6749's {@code error} member too, so
 * OAuth client libraries understand it.
 */
class ServiceClientRefusedException extends DomainException {

  private ServiceClientRefusedException(
      HttpStatus status, String code, String error, String detail) {
    super(status, code, detail, Map.of("error", error));
  }

  /** Unknown client or wrong secret: one answer for both. */
  static ServiceClientRefusedException invalidClient() {
    return new ServiceClientRefusedException(
        HttpStatus.UNAUTHORIZED,
        "invalid-client",
        "invalid_client",
        "Unknown client or wrong client secret.");
  }

  static ServiceClientRefusedException unsupportedGrantType() {
    return new ServiceClientRefusedException(
        HttpStatus.BAD_REQUEST,
        "unsupported-grant-type",
        "unsupported_grant_type",
        "Only grant_type=client_credentials is supported.");
  }

  static ServiceClientRefusedException invalidScope() {
    return new ServiceClientRefusedException(
        HttpStatus.BAD_REQUEST, "invalid-scope", "invalid_scope", "The only scope is 'internal'.");
  }

  static ServiceClientRefusedException invalidRequest() {
    return new ServiceClientRefusedException(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "invalid_request",
        "Send the client credentials once: in the form or as HTTP Basic, not both.");
  }
}
