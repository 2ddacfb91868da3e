package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.swarm.SwarmRules;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared {@link SwarmRules} against a real Redis, plus what only a shared store has. */
class RedisSwarmsIT extends SwarmRules {

  static final int DATABASE = 11;

  private static RedisClient client;
  private static StatefulRedisConnection<byte[], byte[]> connection;

  static RedisClient client() {
    Infrastructure.Redis redis = Infrastructure.redis();
    return RedisClient.create(
        RedisURI.builder()
            .withHost(redis.host())
            .withPort(redis.port())
            .withDatabase(DATABASE)
            .build());
  }

  @BeforeAll
  static void connect() {
    client = client();
    connection = client.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  @Override
  protected void resetStore() {
    connection.sync().flushdb();
  }

  @Override
  protected RedisSwarms newSwarms(long seed) {
    return new RedisSwarms(connection, whitelist, settings, clock, new SplittableRandom(seed));
  }

  private RedisSwarms redisSwarms() {
    return (RedisSwarms) swarms;
  }

  @Test
  void aStoppedPeerLeavesTheModeratorStats() {
    announce(leecher(1));
    announce(leecher(2));
    AnnounceResult stopped =
        announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STOPPED, Transport.HTTP));
    assertThat(stopped.peers()).isEmpty();
    assertThat(stopped.incomplete()).isEqualTo(1);
    assertThat(ids(announce(leecher(3)))).containsExactly(peer(2));
    assertThat(scrape(V1).incomplete()).isEqualTo(2);
    assertThat(redisSwarms().peers(V1)).extracting(PeerStats::peerId).doesNotContain(peer(1));
  }

  @Test
  void expiredPeersLeaveTheModeratorStats() {
    announce(leecher(1));
    clock.advance(settings.peerTimeout().minusSeconds(1));
    assertThat(ids(announce(leecher(2)))).containsExactly(peer(1));
    clock.advance(Duration.ofSeconds(2));
    assertThat(ids(announce(leecher(3)))).containsExactly(peer(2));
    assertThat(redisSwarms().peers(V1))
        .extracting(PeerStats::peerId)
        .containsExactlyInAnyOrder(peer(2), peer(3));
  }

  @Test
  void aLeecherThatFinishesMovesToTheSeeders() {
    announce(leecher(1));
    announce(leecher(2));
    AnnounceResult finished =
        announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    assertThat(finished.complete()).isEqualTo(1);
    assertThat(finished.incomplete()).isEqualTo(1);
    assertThat(ids(finished)).containsExactly(peer(2));
  }

  @Test
  void scrapeOfAnIdleSwarmLeavesExpiredPeersOut() {
    announce(leecher(1));
    clock.advance(settings.peerTimeout().plusSeconds(1));
    assertThat(scrape(V1).incomplete()).isZero();
    assertThat(redisSwarms().peers(V1)).isEmpty();
  }

  @Test
  void twoInstancesOnTheSameRedisSeeEachOthersPeers() {
    RedisSwarms other = newSwarms(8);
    announce(swarms, leecher(1));
    assertThat(ids(announce(other, leecher(2)))).containsExactly(peer(1));
    assertThat(ids(announce(swarms, seeder(3)))).containsExactlyInAnyOrder(peer(1), peer(2));
    ScrapeResult.Entry viaOther =
        other.scrape(ScrapeRequest.of(V1)).toCompletableFuture().join().entries().get(0);
    assertThat(viaOther).isEqualTo(new ScrapeResult.Entry(V1, 1, 0, 2));
  }

  @Test
  void completedSurvivesANewInstance() {
    announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.STOPPED, Transport.HTTP));
    RedisSwarms restarted = newSwarms(9);
    clock.advance(settings.peerTimeout().multipliedBy(2));
    AnnounceResult result = announce(restarted, seeder(2));
    assertThat(result.downloaded()).isEqualTo(1);
    assertThat(result.complete()).isEqualTo(1);
  }

  @Test
  void reloadsTheScriptWhenRedisForgotIt() {
    announce(leecher(1));
    connection.sync().scriptFlush();
    assertThat(ids(announce(leecher(2)))).containsExactly(peer(1));
  }

  @Test
  void keepsPerPeerStatsForModerators() {
    announce(leecher(1));
    clock.advance(Duration.ofSeconds(5));
    announce(request(V1, 2, "2001:db8::2", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    assertThat(redisSwarms().peers(V2))
        .containsExactlyInAnyOrder(
            new PeerStats(
                peer(1),
                Addresses.parseLiteral("10.0.0.1"),
                6882,
                10,
                20,
                100,
                Instant.parse("2026-01-01T00:00:00Z"),
                false,
                false),
            new PeerStats(
                peer(2),
                Addresses.parseLiteral("2001:db8::2"),
                6883,
                20,
                40,
                0,
                Instant.parse("2026-01-01T00:00:05Z"),
                true,
                true));
    assertThat(redisSwarms().peers(UNKNOWN)).isEmpty();
  }
}
