package dev.animetracker.common.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A business rule refused a request. Rendered as {@code application/problem+json} with the given
 * status, a stable {@code code} for clients (the UI translates by it), a human-readable English
 * detail for API users, and the {@code args} a translation needs (problem member {@code args}).
 */
public class DomainException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties;
  private final Map<String, Object> args;

  public DomainException(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  public DomainException(
      HttpStatus status, String code, String detail, Map<String, Object> properties) {
    this(status, code, detail, properties, Map.of());
  }

  public DomainException(
      HttpStatus status,
      String code,
      String detail,
      Map<String, Object> properties,
      Map<String, Object> args) {
    super(detail);
    this.status = status;
    this.code = code;
    this.properties = Map.copyOf(properties);
    this.args = Map.copyOf(args);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Extra members of the problem body, e.g. {@code torrentId} of an existing duplicate. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** The values the translated message needs, by name (the problem's {@code args}). */
  public Map<String, Object> args() {
    return args;
  }
}
