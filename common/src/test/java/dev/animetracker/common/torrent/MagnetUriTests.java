package dev.animetracker.common.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagnetUriTests {

  private static final String V1 = "a".repeat(40);
  private static final String V2 = "b".repeat(64);

  @Test
  void magnetsNameBothHashesTheTitleAndOurTrackers() {
    assertThat(
            MagnetUri.of(
                V1, V2, "Ван Пис & co", List.of("http://t/announce", "udp://t:6969/announce")))
        .isEqualTo(
            "magnet:?xt=urn:btih:"
                + V1
                + "&xt=urn:btmh:1220"
                + V2
                + "&dn=%D0%92%D0%B0%D0%BD%20%D0%9F%D0%B8%D1%81%20%26%20co"
                + "&tr=http%3A%2F%2Ft%2Fannounce&tr=udp%3A%2F%2Ft%3A6969%2Fannounce");
    assertThat(MagnetUri.of(null, V2, "x", List.of()))
        .isEqualTo("magnet:?xt=urn:btmh:1220" + V2 + "&dn=x");
  }
}
