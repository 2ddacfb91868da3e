package dev.animetracker.torrent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TorrentLinksTests {

  @Test
  void downloadTiersPutOursFirstAndDropDuplicates() {
    assertThat(
            TorrentLinks.downloadTiers(
                List.of("http://ours", "udp://ours"),
                List.of(
                    List.of("udp://ours", "http://a"),
                    List.of("http://a", "http://b"),
                    List.of("http://ours"))))
        .containsExactly(
            List.of("http://ours"),
            List.of("udp://ours"),
            List.of("http://a"),
            List.of("http://b"));
    assertThat(TorrentLinks.downloadTiers(List.of("http://ours"), List.of()))
        .containsExactly(List.of("http://ours"));
  }

  @Test
  void contentDispositionIsSafe() {
    assertThat(TorrentLinks.contentDisposition("One \"Piece\"/01\r\nx"))
        .isEqualTo(
            "attachment; filename=\"One Piece 01 x.torrent\";"
                + " filename*=UTF-8''One%20Piece%2001%20x.torrent");
    assertThat(TorrentLinks.contentDisposition("Ван-Пис 第1話"))
        .isEqualTo(
            "attachment; filename=\"___-___ _1_.torrent\"; filename*=UTF-8''"
                + "%D0%92%D0%B0%D0%BD-%D0%9F%D0%B8%D1%81%20%E7%AC%AC1%E8%A9%B1.torrent");
    assertThat(TorrentLinks.contentDisposition("\\\"/"))
        .isEqualTo("attachment; filename=\"download.torrent\"; filename*=UTF-8''download.torrent");
  }
}
