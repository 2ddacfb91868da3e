package dev.animetracker.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagnetLinksTests {

  private static final List<String> TRACKERS =
      List.of("http://localhost:6969/announce", "udp://localhost:6969/announce");

  @Test
  void v1HybridAndV2OnlyMagnets() {
    String v1 = "a".repeat(40);
    String v2 = "b".repeat(64);
    assertThat(MagnetLinks.magnet(v1, null, "Frieren 05", TRACKERS))
        .isEqualTo(
            "magnet:?xt=urn:btih:"
                + v1
                + "&dn=Frieren%2005&tr=http%3A%2F%2Flocalhost%3A6969%2Fannounce"
                + "&tr=udp%3A%2F%2Flocalhost%3A6969%2Fannounce");
    assertThat(MagnetLinks.magnet(v1, v2, "x", List.of()))
        .isEqualTo("magnet:?xt=urn:btih:" + v1 + "&xt=urn:btmh:1220" + v2 + "&dn=x");
    assertThat(MagnetLinks.magnet(v2.substring(0, 40), v2, "x", List.of()))
        .isEqualTo("magnet:?xt=urn:btmh:1220" + v2 + "&dn=x");
  }
}
