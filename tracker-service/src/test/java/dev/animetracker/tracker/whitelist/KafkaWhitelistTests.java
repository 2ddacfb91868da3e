package dev.animetracker.tracker.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.protocol.InfoHash;
import org.junit.jupiter.api.Test;

class KafkaWhitelistTests {

  private static final InfoHash V1 = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
  private static final InfoHash V2 =
      InfoHashes.truncatedV2("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
  private static final InfoHash OTHER =
      InfoHash.fromHex("1111111111111111111111111111111111111111");

  private final KafkaWhitelist whitelist = new KafkaWhitelist();

  @Test
  void hybridIsKnownUnderBothHashesAsOneSwarm() {
    whitelist.upsert(V1, V2, 1);

    assertThat(whitelist.swarmOf(V1)).isEqualTo(V1);
    assertThat(whitelist.swarmOf(V2)).isEqualTo(V1);
    assertThat(whitelist.swarmOf(OTHER)).isNull();
    assertThat(whitelist.size()).isEqualTo(1);
  }

  @Test
  void v2OnlyTorrentIsKeyedByItsTruncatedHash() {
    whitelist.upsert(V2, V2, 1);

    assertThat(whitelist.swarmOf(V2)).isEqualTo(V2);
  }

  @Test
  void deleteRemovesBothHashes() {
    whitelist.upsert(V1, V2, 1);

    assertThat(whitelist.delete(V1, V2, 2)).isTrue();

    assertThat(whitelist.swarmOf(V1)).isNull();
    assertThat(whitelist.swarmOf(V2)).isNull();
    assertThat(whitelist.size()).isZero();
  }

  @Test
  void olderEventNeverReAddsADeletedTorrent() {
    whitelist.upsert(V1, V2, 1);
    whitelist.delete(V1, V2, 3);

    assertThat(whitelist.upsert(V1, V2, 2)).isFalse();
    assertThat(whitelist.upsert(V1, V2, 3)).isFalse();
    assertThat(whitelist.seed(V1, V2)).isFalse();

    assertThat(whitelist.swarmOf(V1)).isNull();
    assertThat(whitelist.swarmOf(V2)).isNull();
  }

  @Test
  void staleDeleteIsIgnored() {
    whitelist.upsert(V1, null, 5);

    assertThat(whitelist.delete(V1, null, 4)).isFalse();

    assertThat(whitelist.swarmOf(V1)).isEqualTo(V1);
  }

  @Test
  void newerEventRevivesAndUpdateDropsAnOldAlias() {
    whitelist.upsert(V1, V2, 1);
    whitelist.upsert(V1, null, 2);

    assertThat(whitelist.swarmOf(V1)).isEqualTo(V1);
    assertThat(whitelist.swarmOf(V2)).isNull();
  }

  @Test
  void bulkLoadNeverOverridesEventsAndAnyEventOverridesIt() {
    assertThat(whitelist.seed(V1, V2)).isTrue();
    assertThat(whitelist.swarmOf(V2)).isEqualTo(V1);
    assertThat(whitelist.seed(V1, V2)).isFalse();

    assertThat(whitelist.delete(V1, V2, 0)).isTrue();

    assertThat(whitelist.swarmOf(V1)).isNull();
    assertThat(whitelist.seed(V1, V2)).isFalse();
    assertThat(whitelist.swarmOf(V1)).isNull();
  }
}
