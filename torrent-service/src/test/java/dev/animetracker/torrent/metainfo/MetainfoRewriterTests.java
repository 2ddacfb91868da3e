package dev.animetracker.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BInteger;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.torrent.metainfo.SyntheticTorrents.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetainfoRewriterTests {

  private final MetainfoParser parser = new MetainfoParser();

  @Test
  void replacesTrackersAndKeepsTheInfoHash() {
    List<Spec> files = List.of(Spec.file(100_000, "a.mkv"), Spec.file(1, "b"));
    BDictionary[] hybrid =
        SyntheticTorrents.hybridInfoAndLayers(
            "H", 16_384, SyntheticTorrents.withPadFiles(files, 16_384));
    byte[] original =
        SyntheticTorrents.encode(
            SyntheticTorrents.torrent(hybrid[0], hybrid[1])
                .with("comment", BString.of("keep me"))
                .with("creation date", BInteger.of(1)));
    Metainfo before = parser.parse(original);

    byte[] single =
        MetainfoRewriter.withTrackers(original, List.of(List.of("http://t/u/KEY/announce")));
    Metainfo after = parser.parse(single);
    assertThat(after.v1InfoHash()).isEqualTo(before.v1InfoHash());
    assertThat(after.v2InfoHash()).isEqualTo(before.v2InfoHash());
    assertThat(after.announce()).isEqualTo("http://t/u/KEY/announce");
    assertThat(after.announceList()).isEmpty();
    assertThat(after.comment()).isEqualTo("keep me");
    assertThat(after.files()).isEqualTo(before.files());

    byte[] tiers =
        MetainfoRewriter.withTrackers(
            original, List.of(List.of("http://a"), List.of(), List.of("udp://b", "udp://c")));
    Metainfo multi = parser.parse(tiers);
    assertThat(multi.announce()).isEqualTo("http://a");
    assertThat(multi.announceList())
        .containsExactly(List.of("http://a"), List.of("udp://b", "udp://c"));
    assertThat(multi.trackerKey()).isEqualTo(before.trackerKey());

    Metainfo none = parser.parse(MetainfoRewriter.withTrackers(original, List.of()));
    assertThat(none.announce()).isNull();
    assertThat(none.v1InfoHash()).isEqualTo(before.v1InfoHash());
  }
}
