package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.i18n.LanguageResolver;
import java.util.Locale;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Builds the layout model of a page and makes the CSRF token available to its forms. */
@Component
public class UiContext {

  /** The page locale (Russian unless English was chosen). */
  public static Locale locale(ServerWebExchange exchange) {
    Locale locale = exchange.getLocaleContext().getLocale();
    return locale == null ? LanguageResolver.RUSSIAN : locale;
  }

  /**
   * The page language as the services take it ({@code Accept-Language}): {@code en} or {@code ru}.
   */
  public static String lang(ServerWebExchange exchange) {
    return "en".equals(locale(exchange).getLanguage()) ? "en" : "ru";
  }

  /**
   * Resolves the CSRF token (so Thymeleaf adds it to every {@code th:action} form and the {@code
   * XSRF-TOKEN} cookie is written) and the viewer.
   */
  public Mono<UiModel> prepare(ServerWebExchange exchange) {
    Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
    Mono<Object> token =
        csrf == null
            ? Mono.empty()
            : csrf.doOnNext(
                    value ->
                        exchange
                            .getAttributes()
                            .put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, value))
                .cast(Object.class);
    return token.then(viewer(exchange)).map(viewer -> model(exchange, viewer));
  }

  /** The logged-in user, from the validated token. */
  public static Mono<Viewer> viewer(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .cast(JwtAuthenticationToken.class)
        .map(
            auth ->
                new Viewer(
                    auth.getToken().getClaimAsString("preferred_username"),
                    auth.getAuthorities().stream()
                        .anyMatch(a -> "ROLE_MODERATOR".equals(a.getAuthority())),
                    auth.getToken().getSubject()))
        .defaultIfEmpty(Viewer.ANONYMOUS);
  }

  /** The raw access token of the logged-in user, for calls on their behalf. */
  public static Mono<String> accessToken(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .cast(JwtAuthenticationToken.class)
        .map(auth -> auth.getToken().getTokenValue());
  }

  private static UiModel model(ServerWebExchange exchange, Viewer viewer) {
    return new UiModel(viewer, lang(exchange), withLang(exchange, "ru"), withLang(exchange, "en"));
  }

  private static String withLang(ServerWebExchange exchange, String lang) {
    return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
        .scheme(null)
        .host(null)
        .port(null)
        .replaceQueryParam(LanguageResolver.COOKIE, lang)
        .build()
        .toUriString();
  }
}
