package dev.animetracker.tracker.redis;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * One tracker instance as the multi-instance ITs need it: swarms in memory, replicated through
 * Redis by a replicator that the test starts or drives by hand ({@code syncNow}).
 */
record ReplicatedTracker(
    InMemorySwarms swarms, SwarmReplicator replicator, SimpleMeterRegistry meters) {

  static ReplicatedTracker on(
      SwarmRedis redis, InMemoryWhitelist whitelist, long seed, Duration syncInterval) {
    TrackerSettings settings = TrackerSettings.defaults();
    InMemorySwarms swarms =
        InMemorySwarms.replicated(
            whitelist, settings, Clock.systemUTC(), new SplittableRandom(seed));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SwarmReplicator replicator =
        new SwarmReplicator(
            swarms,
            new RedisSwarmStore(redis, settings.peerTimeout(), Clock.systemUTC(), 400),
            syncInterval,
            Duration.ofSeconds(1),
            0,
            Clock.systemUTC(),
            meters);
    return new ReplicatedTracker(swarms, replicator, meters);
  }

  /** Peer {@code n} ({@code -TS0001-…n}) of {@code hash} at {@code <subnet>.n}, over UDP. */
  static AnnounceRequest request(InfoHash hash, String subnet, int n, AnnounceEvent event) {
    return new AnnounceRequest(
        hash,
        peerId(n),
        Addresses.parseLiteral(subnet + "." + n),
        6881,
        0,
        0,
        event == AnnounceEvent.COMPLETED ? 0 : 100,
        event,
        50,
        true,
        false,
        OptionalInt.empty(),
        Transport.UDP);
  }

  static PeerId peerId(int n) {
    return PeerId.ofText("-TS0001-%012d".formatted(n));
  }

  static AnnounceResult announce(AnnounceService service, AnnounceRequest request) {
    return service.announce(request).toCompletableFuture().join();
  }
}
