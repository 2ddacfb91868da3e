package dev.animetracker.gateway.ui.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Adds the layout model ({@code ui}) to every page. */
@ControllerAdvice(annotations = Controller.class)
class UiModelAdvice {

  private final UiContext context;

  UiModelAdvice(UiContext context) {
    this.context = context;
  }

  @ModelAttribute("ui")
  Mono<UiModel> ui(ServerWebExchange exchange) {
    return context.prepare(exchange);
  }

  /**
   * Query flags such as {@code ?saved} ({@code ${flags.has('saved')}}); Thymeleaf's {@code
   * ${param.x}} is truthy even when {@code x} is absent under WebFlux.
   */
  @ModelAttribute("flags")
  Flags flags(ServerWebExchange exchange) {
    return new Flags(exchange.getRequest().getQueryParams().keySet());
  }

  @ModelAttribute("fmt")
  Formats fmt(ServerWebExchange exchange) {
    return new Formats(UiContext.locale(exchange));
  }
}
