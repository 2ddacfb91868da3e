package dev.animetracker.gateway.ratelimit;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.net.AddressRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address: the TCP peer, unless the peer is a configured trusted proxy, in which case
 * the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. {@link
 * #bucketOf} turns it into the key of per-address rate limits.
 */
@Component
public class ClientIpResolver {

  /** Trusted proxies given as one address each. */
  private final Set<String> trustedProxies;

  /**
   * Trusted proxies given as networks ({@code 10.0.0.0/8}): in Kubernetes the ingress controller's
   * pods change address, only their network is known.
   */
  private final List<AddressRange> trustedNetworks;

  ClientIpResolver(GatewayProperties properties) {
    List<String> entries =
        properties.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    this.trustedProxies = Set.copyOf(entries.stream().filter(s -> !s.contains("/")).toList());
    this.trustedNetworks =
        entries.stream()
            .filter(s -> s.contains("/"))
            .map(ClientIpResolver::trustedNetwork)
            .toList();
  }

  private static AddressRange trustedNetwork(String cidr) {
    try {
      return AddressRange.parse(cidr);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trusted proxy " + cidr + " is not address/prefix", e);
    }
  }

  /**
   * Whether the TCP peer is a configured trusted proxy, whose forwarded headers may be believed
   * (also the scheme: security's {@code TrustedForwardedProtoWebFilter}).
   */
  public boolean fromTrustedProxy(ServerWebExchange exchange) {
    return trusted(peer(exchange));
  }

  private boolean trusted(String address) {
    if (trustedProxies.contains(address)) {
      return true;
    }
    if (trustedNetworks.isEmpty()) {
      return false;
    }
    InetAddress parsed = literal(address);
    return parsed != null && trustedNetworks.stream().anyMatch(n -> n.contains(parsed));
  }

  private static InetAddress literal(String address) {
    String literal = address.trim();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    try {
      return InetAddress.ofLiteral(literal);
    } catch (IllegalArgumentException notAnAddress) {
      return null;
    }
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
    if (!trusted(peer)) {
      return peer;
    }
    List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      String candidate = forwarded.get(i).trim();
      if (!candidate.isEmpty() && !trusted(candidate)) {
        return candidate;
      }
    }
    return peer;
  }

  /**
   * The rate-limit key of an address: an IPv4 address as is, an IPv6 address as its /64 network
   * ({@code 2001:db8:1:2::/64}), because one subscriber gets a whole /64 and could otherwise rotate
   * through 2^64 addresses, each with fresh buckets. IPv4-mapped IPv6 counts as the IPv4 address;
   * anything that is not an address literal (never resolved through DNS) stays as it is.
   */
  public static String bucketOf(String address) {
    String literal = address.trim();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (literal.indexOf(':') < 0) {
      return literal;
    }
    InetAddress parsed;
    try {
      parsed = InetAddress.ofLiteral(literal);
    } catch (IllegalArgumentException notAnAddress) {
      return literal;
    }
    if (parsed instanceof Inet4Address v4) {
      return v4.getHostAddress();
    }
    if (!(parsed instanceof Inet6Address)) {
      return literal;
    }
    byte[] bytes = parsed.getAddress();
    StringBuilder network = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      network.append(':');
    }
    return network.append(":/64").toString();
  }
}
