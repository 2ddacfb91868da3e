package dev.animetracker.gateway.assets;

import dev.animetracker.gateway.security.SessionCookies;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Set;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * On-the-fly brotli or gzip of text responses (pages, JSON, feeds; brotli through brotli4j's native
 * library, gzip where it is missing) — static files come precompressed. Never for a request
 * carrying a session cookie: a compressed page holding a secret (the CSRF token, an API key) next
 * to text an attacker can inject (a search term) leaks that secret through its length (BREACH), so
 * signed-in users get their pages uncompressed. Anonymous pages only hold a login-form CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class CompressionConfig {

  static final Set<String> TEXT_TYPES =
      Set.of(
          "text/html",
          "text/css",
          "text/javascript",
          "text/plain",
          "text/xml",
          "application/javascript",
          "application/json",
          "application/problem+json",
          "application/xml",
          "application/rss+xml",
          "application/atom+xml",
          "image/svg+xml");

  @Bean
  NettyServerCustomizer compressTextResponses() {
    return server -> server.compress(CompressionConfig::compress);
  }

  static boolean compress(HttpServerRequest request, HttpServerResponse response) {
    if (request.cookies().containsKey(SessionCookies.ACCESS)
        || request.cookies().containsKey(SessionCookies.REFRESH)) {
      return false;
    }
    if (response.responseHeaders().contains(HttpHeaderNames.CONTENT_ENCODING)) {
      return false;
    }
    String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
    if (type == null) {
      return false;
    }
    try {
      MediaType media = MediaType.parseMediaType(type);
      return TEXT_TYPES.contains(media.getType() + "/" + media.getSubtype());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
