package dev.animetracker.gateway.i18n;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The UI language: {@code ?lang=ru|en} (remembered in the {@code lang} cookie for a year), else the
 * cookie, else Russian.
 */
public class LanguageResolver implements LocaleContextResolver {

  /** The cookie (and query parameter) name. */
  public static final String COOKIE = "lang";

  public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  static final Duration COOKIE_AGE = Duration.ofDays(365);

  @Override
  public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
    return new SimpleLocaleContext(resolve(exchange));
  }

  @Override
  public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
    Locale locale = localeContext == null ? null : localeContext.getLocale();
    String language = locale == null ? null : supported(locale.getLanguage());
    if (language != null) {
      exchange
          .getResponse()
          .addCookie(
              ResponseCookie.from(COOKIE, language)
                  .path("/")
                  .maxAge(COOKIE_AGE)
                  .sameSite("Lax")
                  .build());
    }
  }

  static Locale resolve(ServerWebExchange exchange) {
    String fromQuery = supported(exchange.getRequest().getQueryParams().getFirst(COOKIE));
    if (fromQuery != null) {
      return Locale.forLanguageTag(fromQuery);
    }
    HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
    String fromCookie = cookie == null ? null : supported(cookie.getValue());
    return fromCookie != null ? Locale.forLanguageTag(fromCookie) : RUSSIAN;
  }

  /** "ru" or "en" if the value is one of them, otherwise {@code null}. */
  static @Nullable String supported(@Nullable String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "ru" -> "ru";
      case "en" -> "en";
      default -> null;
    };
  }
}
