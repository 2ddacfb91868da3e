package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.notification.NotificationClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Adds the layout model ({@code ui}) to every page. */
@ControllerAdvice(annotations = Controller.class)
class UiModelAdvice {

  private static final CategoryBadges BADGES = new CategoryBadges();

  private final UiContext context;

  private final NotificationClient notifications;

  private final String version;

  UiModelAdvice(
      UiContext context, NotificationClient notifications, ObjectProvider<BuildProperties> build) {
    this.context = context;
    this.notifications = notifications;
    // build-info.properties comes from the Maven build; a run from an IDE without it shows none.
    BuildProperties properties = build.getIfAvailable();
    String built = properties == null ? null : properties.getVersion();
    this.version = built == null ? "" : built;
  }

  /** The running version for the footer (the Maven project version, as in CHANGELOG.md). */
  @ModelAttribute("appVersion")
  String appVersion() {
    return version;
  }

  /**
   * The navbar bell's unread count for a logged-in user's page ({@code ${bell.shown}}); posts
   * (which redirect) and visitors do not ask, and a slow or failing notification-service leaves the
   * badge out rather than the page.
   */
  @ModelAttribute("bell")
  Mono<Bell> bell(ServerWebExchange exchange) {
    if (exchange.getRequest().getMethod() != HttpMethod.GET) {
      return Mono.just(Bell.NONE);
    }
    return UiContext.accessToken(exchange)
        .flatMap(notifications::unread)
        .map(Bell::new)
        .defaultIfEmpty(Bell.NONE);
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

  @ModelAttribute("categoryBadges")
  CategoryBadges categoryBadges() {
    return BADGES;
  }

  @ModelAttribute("fmt")
  Formats fmt(ServerWebExchange exchange) {
    return new Formats(UiContext.locale(exchange));
  }
}
