package dev.animetracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

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
