package dev.animetracker.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An error the gateway answers itself, with our stable problem {@code code}; rendered as
 * problem+json for API paths and as an HTML page for the web UI.
 */
public class GatewayException extends ResponseStatusException {

  private final String code;

  private final HttpHeaders headers;

  public GatewayException(HttpStatus status, String code, String detail) {
    this(status, code, detail, new HttpHeaders());
  }

  public GatewayException(HttpStatus status, String code, String detail, HttpHeaders headers) {
    super(status, detail);
    this.code = code;
    this.headers = headers;
  }

  /** The machine-readable problem code, e.g. {@code rate-limited}. */
  public String code() {
    return code;
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }
}
