package dev.animetracker.gateway.assets;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * HTML pages are {@code private, no-cache} instead of Spring Security's {@code no-store}: the
 * browser may keep them for the back/forward cache but asks again before reusing one, and no shared
 * cache (proxy, CDN) may store them — they carry the viewer's name, CSRF token and personal links.
 * A page that shows a secret sets its own {@code no-store} (the new API key), which is left alone.
 * Everything else keeps Spring Security's headers.
 */
@Component
class PageCacheFilter implements WebFilter, Ordered {

  static final String PAGE_CACHE_CONTROL = "private, no-cache";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    // Registered before Spring Security's header writer (this filter runs first), so at commit this
    // runs first and the writer, finding Cache-Control set, adds none of its cache headers.
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              MediaType type = headers.getContentType();
              if (type != null
                  && MediaType.TEXT_HTML.isCompatibleWith(type)
                  && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.setCacheControl(PAGE_CACHE_CONTROL);
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
