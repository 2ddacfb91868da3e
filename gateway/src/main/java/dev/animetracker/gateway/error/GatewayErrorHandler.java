package dev.animetracker.gateway.error;

import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.problem.Problems;
import dev.animetracker.gateway.ui.support.UiContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place errors become responses: problem+json for the API, feeds and Torznab; a localized
 * page in the site layout for the web UI. Never a stack trace.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  private final ServerCodecConfigurer codecs;

  private final ObjectProvider<ViewResolver> viewResolvers;

  private final MessageSource messages;

  private final UiContext ui;

  GatewayErrorHandler(
      ServerCodecConfigurer codecs,
      ObjectProvider<ViewResolver> viewResolvers,
      MessageSource messages,
      UiContext ui) {
    this.codecs = codecs;
    this.viewResolvers = viewResolvers;
    this.messages = messages;
    this.ui = ui;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    Resolved resolved = resolve(error);
    if (resolved.status().is5xxServerError() && !(error instanceof GatewayException)) {
      log.error(
          "Unexpected error on {} {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          error);
    } else {
      log.debug(
          "{} on {}: {}", resolved.status(), exchange.getRequest().getPath(), error.toString());
    }
    exchange.getResponse().getHeaders().putAll(resolved.headers());
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (Problems.isApiPath(path) || !acceptsHtml(exchange)) {
      return Problems.write(exchange, resolved.status(), resolved.code(), resolved.detail());
    }
    return renderPage(exchange, resolved);
  }

  private Mono<Void> renderPage(ServerWebExchange exchange, Resolved resolved) {
    Locale locale = UiContext.locale(exchange);
    String code = resolved.code();
    Map<String, Object> model = new HashMap<>();
    model.put("status", resolved.status().value());
    model.put(
        "errorTitle", message("error.page." + code + ".title", "error.page.default.title", locale));
    model.put(
        "errorMessage",
        message("error.page." + code + ".message", "error.page.default.message", locale));
    return ui.prepare(exchange)
        .map(
            uiModel -> {
              model.put("ui", uiModel);
              return model;
            })
        .flatMap(
            m ->
                ServerResponse.status(resolved.status())
                    .contentType(MediaType.TEXT_HTML)
                    .render("error", m))
        .flatMap(response -> response.writeTo(exchange, new Context()));
  }

  private String message(String key, String fallbackKey, Locale locale) {
    String text = messages.getMessage(key, null, null, locale);
    return text != null ? text : messages.getMessage(fallbackKey, null, fallbackKey, locale);
  }

  private static boolean acceptsHtml(ServerWebExchange exchange) {
    List<MediaType> accept = exchange.getRequest().getHeaders().getAccept();
    if (accept.isEmpty()) {
      return true;
    }
    return accept.stream()
            .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType())
        || accept.stream().allMatch(MediaType::isWildcardType);
  }

  static Resolved resolve(Throwable error) {
    if (error instanceof GatewayException gateway) {
      return new Resolved(
          gateway.getStatusCode(), gateway.code(), gateway.getReason(), gateway.getHeaders());
    }
    if (error instanceof DataBufferLimitException) {
      return generic(HttpStatus.CONTENT_TOO_LARGE, new HttpHeaders());
    }
    if (error instanceof ResponseStatusException status) {
      return generic(status.getStatusCode(), status.getHeaders());
    }
    if (error instanceof AuthenticationException) {
      return generic(HttpStatus.UNAUTHORIZED, new HttpHeaders());
    }
    if (error instanceof AccessDeniedException) {
      return generic(HttpStatus.FORBIDDEN, new HttpHeaders());
    }
    if (error instanceof org.springframework.cloud.gateway.support.NotFoundException) {
      return generic(HttpStatus.SERVICE_UNAVAILABLE, new HttpHeaders());
    }
    return generic(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders());
  }

  private static Resolved generic(HttpStatusCode status, HttpHeaders headers) {
    String code =
        switch (status.value()) {
          case 400 -> "bad-request";
          case 401 -> "unauthorized";
          case 403 -> "forbidden";
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 406 -> "not-acceptable";
          case 413 -> "too-large";
          case 415 -> "unsupported-media-type";
          case 429 -> "rate-limited";
          case 500 -> "internal-error";
          case 503 -> "service-unavailable";
          case 504 -> "gateway-timeout";
          default -> "http-" + status.value();
        };
    String detail =
        switch (status.value()) {
          case 400 -> "The request is malformed.";
          case 401 -> "Authentication is required.";
          case 403 -> "You may not do this.";
          case 404 -> "There is nothing at this address.";
          case 405 -> "This method is not supported here.";
          case 413 -> "The request body is too large.";
          case 415 -> "This content type is not supported here.";
          case 500 -> "Something went wrong on our side; nothing was changed. Please try again.";
          case 503 -> "The service is temporarily unavailable; please try again shortly.";
          case 504 -> "The service did not answer in time; please try again.";
          default -> Problems.title(status) + ".";
        };
    return new Resolved(status, code, detail, headers);
  }

  record Resolved(HttpStatusCode status, String code, String detail, HttpHeaders headers) {}

  private final class Context implements ServerResponse.Context {

    @Override
    public List<HttpMessageWriter<?>> messageWriters() {
      return codecs.getWriters();
    }

    @Override
    public List<ViewResolver> viewResolvers() {
      return viewResolvers.orderedStream().toList();
    }
  }
}
