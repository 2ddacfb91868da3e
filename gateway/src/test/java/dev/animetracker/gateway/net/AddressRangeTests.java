package dev.animetracker.gateway.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTests {

  @Test
  void containsWhatItsPrefixCovers() {
    AddressRange tens = AddressRange.parse("10.0.0.0/8");
    assertThat(tens.contains(InetAddress.ofLiteral("10.255.1.2"))).isTrue();
    assertThat(tens.contains(InetAddress.ofLiteral("11.0.0.1"))).isFalse();
    // An IPv4-mapped IPv6 peer is the IPv4 address to Java.
    assertThat(tens.contains(InetAddress.ofLiteral("::ffff:10.1.2.3"))).isTrue();
    AddressRange local = AddressRange.parse("fd00::/8");
    assertThat(local.contains(InetAddress.ofLiteral("fd12::1"))).isTrue();
    assertThat(local.contains(InetAddress.ofLiteral("fe80::1"))).isFalse();
    assertThat(local.contains(InetAddress.ofLiteral("10.0.0.1"))).isFalse();
  }

  @Test
  void anAddressWithoutPrefixIsItselfOnly() {
    AddressRange one = AddressRange.parse(" 127.0.0.2 ");
    assertThat(one.contains(InetAddress.ofLiteral("127.0.0.2"))).isTrue();
    assertThat(one.contains(InetAddress.ofLiteral("127.0.0.3"))).isFalse();
  }

  @Test
  void refusesHostNamesAndImpossiblePrefixes() {
    for (String bad :
        new String[] {"localhost/8", "example.org", "10.0.0.0/33", "::/129", "1.2.3.4/x"}) {
      assertThatThrownBy(() -> AddressRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}
