package dev.animetracker.gateway.security;

import dev.animetracker.gateway.ratelimit.ClientIpResolver;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Behind a TLS-terminating proxy the gateway hears plain HTTP. When the TCP peer is one of {@code
 * TRUSTED_PROXIES} and its {@code X-Forwarded-Proto} (or {@code Forwarded: proto=}) says {@code
 * https}, the request is treated as HTTPS from here on: session cookies get {@code Secure} and
 * Spring Security sends HSTS. The headers of any other peer are ignored, so a client cannot turn
 * these on or off for itself. The value nearest to us (the last one) counts, as for {@code
 * X-Forwarded-For}.
 */
@Component
class TrustedForwardedProtoWebFilter implements WebFilter, Ordered {

  private final ClientIpResolver clients;

  TrustedForwardedProtoWebFilter(ClientIpResolver clients) {
    this.clients = clients;
  }

  @Override
  public int getOrder() {
    // Before everything that looks at the scheme (the session cookies at -150, security at -100).
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    URI uri = exchange.getRequest().getURI();
    if ("https".equalsIgnoreCase(uri.getScheme())
        || !clients.fromTrustedProxy(exchange)
        || !"https".equals(forwardedProto(exchange))) {
      return chain.filter(exchange);
    }
    URI https = UriComponentsBuilder.fromUri(uri).scheme("https").build(true).toUri();
    return chain.filter(exchange.mutate().request(request -> request.uri(https)).build());
  }

  /** The last proto the proxies declared, lower-case, or {@code null}. */
  static String forwardedProto(ServerWebExchange exchange) {
    var headers = exchange.getRequest().getHeaders();
    List<String> forwarded = headers.getValuesAsList("Forwarded");
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      for (String pair : forwarded.get(i).split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("proto")) {
          return unquote(pair.substring(equals + 1)).toLowerCase(Locale.ROOT);
        }
      }
    }
    List<String> proto = headers.getValuesAsList("X-Forwarded-Proto");
    return proto.isEmpty() ? null : proto.getLast().trim().toLowerCase(Locale.ROOT);
  }

  private static String unquote(String value) {
    String trimmed = value.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1)
        : trimmed;
  }
}
