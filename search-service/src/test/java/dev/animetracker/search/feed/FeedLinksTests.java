package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedLinksTests {

  private final FeedLinks links = FeedTestSupport.links();

  @Test
  void linksLiveUnderThePublicBaseUrlWithoutADoubleSlash() {
    assertThat(links.home()).isEqualTo("https://tracker.example/at/");
    assertThat(links.page(5)).isEqualTo("https://tracker.example/at/torrents/5");
    assertThat(links.download(5, null))
        .isEqualTo("https://tracker.example/at/api/torrents/5/download");
  }

  @Test
  void magnetsNameEachHashVersionTheTorrentHasAndOurTrackers() {
    String tr =
        "&tr=http%3A%2F%2Ftracker.example%3A6969%2Fannounce"
            + "&tr=udp%3A%2F%2Ftracker.example%3A6969%2Fannounce";
    assertThat(links.magnet(Hits.hit(1, "a b&c", Hits.ANIME_ENG, Hits.V1, null)))
        .isEqualTo("magnet:?xt=urn:btih:" + Hits.V1 + "&dn=a%20b%26c" + tr);
    assertThat(links.magnet(Hits.hit(1, "x", Hits.ANIME_ENG, Hits.V1, Hits.V2)))
        .isEqualTo("magnet:?xt=urn:btih:" + Hits.V1 + "&xt=urn:btmh:1220" + Hits.V2 + "&dn=x" + tr);
    // v2 only: the 40-hex key is the truncated v2 hash, not a v1 hash.
    assertThat(links.magnet(Hits.hit(1, "x", Hits.ANIME_ENG, Hits.V2.substring(0, 40), Hits.V2)))
        .isEqualTo("magnet:?xt=urn:btmh:1220" + Hits.V2 + "&dn=x" + tr);
  }
}
