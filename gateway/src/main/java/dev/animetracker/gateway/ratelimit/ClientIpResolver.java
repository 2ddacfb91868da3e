package dev.animetracker.gateway.ratelimit;

import dev.animetracker.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address: the TCP peer, unless the peer is a configured trusted proxy, in which case
 * the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 */
@Component
public class ClientIpResolver {

  private final Set<String> trustedProxies;

  ClientIpResolver(GatewayProperties properties) {
    this.trustedProxies =
        Set.copyOf(
            properties.trustedProxies().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
  }

  /**
   * Whether the TCP peer is a configured trusted proxy, whose forwarded headers may be believed
   * (also the scheme: security's {@code TrustedForwardedProtoWebFilter}).
   */
  public boolean fromTrustedProxy(ServerWebExchange exchange) {
    return trustedProxies.contains(peer(exchange));
  }

  private static String peer(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null
        ? "unknown"
        : remote.getAddress() == null
            ? remote.getHostString()
            : remote.getAddress().getHostAddress();
  }

  public String resolve(ServerWebExchange exchange) {
    String peer = peer(exchange);
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      String candidate = forwarded.get(i).trim();
      if (!candidate.isEmpty() && !trustedProxies.contains(candidate)) {
        return candidate;
      }
    }
    return peer;
  }
}
