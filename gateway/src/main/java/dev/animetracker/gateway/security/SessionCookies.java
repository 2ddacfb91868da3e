package dev.animetracker.gateway.security;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The browser session: the {@code AT} (access) and {@code RT} (refresh) HttpOnly cookies. */
@Component
public class SessionCookies {

  /** The access token cookie. */
  public static final String ACCESS = "AT";

  /** The refresh token cookie. */
  public static final String REFRESH = "RT";

  /** Exchange attribute set when the request's Authorization header was made from {@code AT}. */
  public static final String FROM_COOKIE_ATTR = SessionCookies.class.getName() + ".fromCookie";

  private final Duration refreshMaxAge;

  SessionCookies(GatewayProperties properties) {
    this.refreshMaxAge = properties.session().refreshCookieMaxAge();
  }

  /** The value of a request cookie, or {@code null}. */
  public static @Nullable String value(ServerWebExchange exchange, String name) {
    HttpCookie cookie = exchange.getRequest().getCookies().getFirst(name);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  /** Whether the request carries one of our session cookies. */
  public static boolean present(ServerWebExchange exchange) {
    return value(exchange, ACCESS) != null || value(exchange, REFRESH) != null;
  }

  /** Stores a fresh token pair in the response cookies. */
  public void write(ServerWebExchange exchange, TokenPair tokens) {
    exchange
        .getResponse()
        .addCookie(
            cookie(exchange, ACCESS, tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn())));
    exchange
        .getResponse()
        .addCookie(cookie(exchange, REFRESH, tokens.refreshToken(), refreshMaxAge));
  }

  /** Removes both cookies from the browser. */
  public void clear(ServerWebExchange exchange) {
    exchange.getResponse().addCookie(cookie(exchange, ACCESS, "", Duration.ZERO));
    exchange.getResponse().addCookie(cookie(exchange, REFRESH, "", Duration.ZERO));
  }

  private static ResponseCookie cookie(
      ServerWebExchange exchange, String name, String value, Duration maxAge) {
    return ResponseCookie.from(name, value)
        .httpOnly(true)
        .secure(isHttps(exchange))
        .sameSite("Lax")
        .path("/")
        .maxAge(maxAge)
        .build();
  }

  /** A SHA-256 fingerprint of a token, so tokens themselves are never kept as map keys. */
  static String fingerprint(String token) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Whether the browser reached us over TLS (directly or via a trusted proxy). */
  public static boolean isHttps(ServerWebExchange exchange) {
    return "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())
        || exchange.getRequest().getSslInfo() != null;
  }
}
