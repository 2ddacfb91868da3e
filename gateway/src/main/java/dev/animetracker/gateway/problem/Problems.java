package dev.animetracker.gateway.problem;

import dev.animetracker.common.web.ProblemHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies with our conventions ({@code type} derived from {@code code} under the
 * platform's {@link ProblemHandler#TYPE_BASE}, the same as every servlet service's).
 */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  /** The problem members in their usual order. */
  public static Map<String, Object> body(
      HttpStatusCode status, String code, String detail, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemHandler.TYPE_BASE + code);
    body.put("title", title(status));
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", instance);
    body.put("code", code);
    return body;
  }

  /** Writes a problem as the whole response (the response must not be committed yet). */
  public static Mono<Void> write(
      ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(PROBLEM_JSON);
    byte[] bytes =
        JSON.writeValueAsBytes(body(status, code, detail, exchange.getRequest().getPath().value()));
    response.getHeaders().setContentLength(bytes.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
  }

  /** The status's reason phrase ({@code Error} for an unknown status). */
  public static String title(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "Error" : known.getReasonPhrase();
  }

  /** Whether the path belongs to the machine API (problem+json) rather than the web UI (HTML). */
  public static boolean isApiPath(String path) {
    return path.startsWith("/api/")
        || path.equals("/api")
        || path.equals("/rss")
        || path.startsWith("/rss/")
        || path.startsWith("/torznab")
        // The image proxy: an <img> cannot show an HTML page, and its client sends Accept: */*.
        || path.startsWith("/media/")
        || path.startsWith("/fallback/")
        || path.startsWith("/actuator");
  }
}
