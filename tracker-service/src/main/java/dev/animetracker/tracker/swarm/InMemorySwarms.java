package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.Peer;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerProtocolException;
import dev.animetracker.tracker.protocol.TrackerSettings;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Swarms held in memory: the reference implementation of the swarm rules, used by tests and as a
 * single-instance fallback.
 *
 * <ul>
 *   <li>only whitelisted info hashes are served; a hybrid's two hashes share one swarm;
 *   <li>a peer never receives itself (same peer id, or same address and port);
 *   <li>{@code stopped} removes the peer; {@code completed} counts once per peer;
 *   <li>a seeder receives only leechers;
 *   <li>a peer that has not announced for {@link TrackerSettings#peerTimeout()} is dropped.
 * </ul>
 */
public final class InMemorySwarms implements AnnounceService {

  static final String NOT_REGISTERED = "torrent not registered on this tracker";

  private final Whitelist whitelist;
  private final TrackerSettings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Map<InfoHash, Swarm> swarms = new ConcurrentHashMap<>();

  public InMemorySwarms(
      Whitelist whitelist, TrackerSettings settings, InstantSource clock, RandomGenerator random) {
    this.whitelist = whitelist;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
    InfoHash key = whitelist.swarmOf(request.infoHash());
    if (key == null) {
      return CompletableFuture.failedFuture(new TrackerProtocolException(NOT_REGISTERED));
    }
    Swarm swarm = swarms.computeIfAbsent(key, k -> new Swarm());
    long now = clock.millis();
    synchronized (swarm) {
      swarm.expire(now - settings.peerTimeout().toMillis());
      List<Peer> peers = swarm.announce(request, now, random);
      return CompletableFuture.completedFuture(
          new AnnounceResult(
              settings.jitteredIntervalSeconds(random),
              (int) settings.minAnnounceInterval().toSeconds(),
              swarm.seeders(),
              swarm.peers.size() - swarm.seeders(),
              swarm.downloaded,
              peers));
    }
  }

  @Override
  public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    List<ScrapeResult.Entry> entries = new ArrayList<>(request.infoHashes().size());
    for (InfoHash infoHash : request.infoHashes()) {
      InfoHash key = whitelist.swarmOf(infoHash);
      Swarm swarm = key == null ? null : swarms.get(key);
      if (swarm == null) {
        entries.add(new ScrapeResult.Entry(infoHash, 0, 0, 0));
        continue;
      }
      synchronized (swarm) {
        swarm.expire(cutoff);
        int seeders = swarm.seeders();
        entries.add(
            new ScrapeResult.Entry(
                infoHash, seeders, swarm.downloaded, swarm.peers.size() - seeders));
      }
    }
    return CompletableFuture.completedFuture(new ScrapeResult(entries));
  }

  /** Drops every peer that timed out; announces and scrapes also do this for their own swarm. */
  public void purgeExpired() {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    for (Swarm swarm : swarms.values()) {
      synchronized (swarm) {
        swarm.expire(cutoff);
      }
    }
  }

  private static final class Swarm {

    private final Map<PeerId, Entry> peers = new HashMap<>();
    private long downloaded;

    int seeders() {
      int seeders = 0;
      for (Entry entry : peers.values()) {
        seeders += entry.left == 0 ? 1 : 0;
      }
      return seeders;
    }

    void expire(long cutoff) {
      peers.values().removeIf(entry -> entry.lastSeen < cutoff);
    }

    List<Peer> announce(AnnounceRequest request, long now, RandomGenerator random) {
      if (request.event() == AnnounceEvent.STOPPED) {
        peers.remove(request.peerId());
        return List.of();
      }
      Entry entry = peers.computeIfAbsent(request.peerId(), id -> new Entry());
      entry.address = request.address();
      entry.port = request.port();
      entry.left = request.left();
      entry.lastSeen = now;
      if (request.event() == AnnounceEvent.COMPLETED && !entry.completed) {
        entry.completed = true;
        downloaded++;
      }
      return pick(request, random);
    }

    private List<Peer> pick(AnnounceRequest request, RandomGenerator random) {
      if (request.numWant() == 0) {
        return List.of();
      }
      List<Peer> candidates = new ArrayList<>();
      for (Iterator<Map.Entry<PeerId, Entry>> it = peers.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<PeerId, Entry> e = it.next();
        Entry other = e.getValue();
        boolean self =
            e.getKey().equals(request.peerId())
                || (other.port == request.port() && other.address.equals(request.address()));
        if (!self
            && !(request.isSeeder() && other.left == 0)
            && request.canReceive(other.address)) {
          candidates.add(new Peer(e.getKey(), other.address, other.port));
        }
      }
      if (candidates.size() <= request.numWant()) {
        Collections.shuffle(candidates, random);
        return candidates;
      }
      for (int i = 0; i < request.numWant(); i++) {
        Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
      }
      return candidates.subList(0, request.numWant());
    }
  }

  private static final class Entry {
    private InetAddress address;
    private int port;
    private long left;
    private long lastSeen;
    private boolean completed;
  }
}
