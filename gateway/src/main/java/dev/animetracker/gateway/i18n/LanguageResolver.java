package dev.animetracker.gateway.i18n;

import java.time.Duration;
import java.util.List;
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
 * cookie, else the first of Russian and English the browser's {@code Accept-Language} asks for (by
 * weight), else Russian. The header only decides until the visitor chooses.
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
    if (fromCookie != null) {
      return Locale.forLanguageTag(fromCookie);
    }
    String fromHeader = fromAcceptLanguage(exchange);
    return fromHeader != null ? Locale.forLanguageTag(fromHeader) : RUSSIAN;
  }

  /** The most wanted of our languages in {@code Accept-Language}; a malformed header is ignored. */
  static @Nullable String fromAcceptLanguage(ServerWebExchange exchange) {
    List<Locale.LanguageRange> ranges;
    try {
      // Spring parses with Locale.LanguageRange.parse: sorted by weight, q=0 dropped.
      ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    for (Locale.LanguageRange range : ranges) {
      String tag = range.getRange();
      int dash = tag.indexOf('-');
      String language = supported(dash < 0 ? tag : tag.substring(0, dash));
      if (language != null) {
        return language;
      }
    }
    return null;
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
