package dev.animetracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientIpResolverTests {

  @Test
  void forwardedForIsIgnoredFromUntrustedPeers() {
    ClientIpResolver resolver = resolver(List.of("10.0.0.1"));
    assertThat(resolver.resolve(exchange("192.0.2.7", "203.0.113.9"))).isEqualTo("192.0.2.7");
  }

  @Test
  void forwardedForIsHonouredFromTrustedProxies() {
    ClientIpResolver resolver = resolver(List.of("10.0.0.1", "10.0.0.2"));
    assertThat(resolver.resolve(exchange("10.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.2")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void trustedProxiesMayBeNetworks() {
    ClientIpResolver resolver = resolver(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.1"));
    assertThat(resolver.resolve(exchange("10.244.3.17", "203.0.113.9, 10.1.2.3")))
        .isEqualTo("203.0.113.9");
    assertThat(resolver.resolve(exchange("fd12::5", "203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(resolver.resolve(exchange("11.0.0.1", "203.0.113.9"))).isEqualTo("11.0.0.1");
    assertThat(resolver.resolve(exchange("fe00::1", "203.0.113.9")))
        .isEqualTo("fe00:0:0:0:0:0:0:1");
    assertThat(resolver.resolve(exchange("192.0.2.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(resolver(List.of("172.16.0.0/12")).resolve(exchange("172.32.0.1", "203.0.113.9")))
        .isEqualTo("172.32.0.1");
    assertThat(resolver(List.of("172.16.0.0/12")).resolve(exchange("172.31.255.1", "203.0.113.9")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void aMalformedNetworkIsRefused() {
    assertThatThrownBy(() -> resolver(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> resolver(List.of("proxy.local/8")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ipv6AddressesShareABucketPerSlash64() {
    String network = ClientIpResolver.bucketOf("2001:db8:aa:bb::1");
    assertThat(network).isEqualTo("2001:db8:aa:bb::/64");
    assertThat(ClientIpResolver.bucketOf("2001:0db8:00aa:00bb:ffff:ffff:ffff:ffff"))
        .isEqualTo(network);
    assertThat(ClientIpResolver.bucketOf("[2001:db8:aa:bb::7]")).isEqualTo(network);
    assertThat(ClientIpResolver.bucketOf("2001:db8:aa:bb::7%eth0")).isEqualTo(network);
    assertThat(ClientIpResolver.bucketOf("2001:db8:aa:bc::1")).isNotEqualTo(network);
    assertThat(ClientIpResolver.bucketOf("::1")).isEqualTo("0:0:0:0::/64");
  }

  @Test
  void ipv4AndOddValuesStayAsTheyAre() {
    assertThat(ClientIpResolver.bucketOf("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(ClientIpResolver.bucketOf("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(ClientIpResolver.bucketOf("unknown")).isEqualTo("unknown");
    assertThat(ClientIpResolver.bucketOf("not:an:address")).isEqualTo("not:an:address");
  }

  private static MockServerWebExchange exchange(String peer, String forwardedFor) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.post("/api/auth/login")
            .remoteAddress(new InetSocketAddress(peer, 40000))
            .header("X-Forwarded-For", forwardedFor));
  }

  private static ClientIpResolver resolver(List<String> trusted) {
    return new ClientIpResolver(
        new GatewayProperties(null, null, null, null, null, null, trusted, null));
  }
}
