package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.Peer;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The swarms this instance answers from: every announce and scrape is served from memory, without
 * waiting on Redis (the hot path stays in microseconds). The rules:
 *
 * <ul>
 *   <li>only whitelisted info hashes are served; a hybrid's two hashes share one swarm;
 *   <li>a peer never receives itself (same peer id, or same address and port);
 *   <li>{@code stopped} removes the peer; {@code completed} counts once per peer;
 *   <li>a seeder receives only leechers;
 *   <li>a peer that has not announced for {@link TrackerSettings#peerTimeout()} is dropped.
 * </ul>
 *
 * <p>When {@linkplain #replicated replicated}, each swarm also keeps the changes its peers made
 * here ({@link #takeChanges}) until a replicator wrote them to the shared store, and takes back the
 * shared view ({@link #applyView}): other instances' peers (marked remote), the global counts and
 * the completed count that survives restarts. A peer that only re-announces unchanged is written
 * again only every {@link #refreshAfterMillis}, which is what keeps Redis traffic far below the
 * announce rate. Swarms touched since the last sync are listed by {@link #drainTouched}.
 */
public final class InMemorySwarms implements AnnounceService, PeerDirectory, SwarmCounts {

  private final Whitelist whitelist;
  private final TrackerSettings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final boolean replicated;
  private final long refreshAfterMillis;
  private final Map<InfoHash, Swarm> swarms = new ConcurrentHashMap<>();
  private final Set<InfoHash> touched = ConcurrentHashMap.newKeySet();
  private final Set<InfoHash> countsChanged = ConcurrentHashMap.newKeySet();

  /** A single-instance store: nothing is kept for replication. */
  public InMemorySwarms(
      Whitelist whitelist, TrackerSettings settings, InstantSource clock, RandomGenerator random) {
    this(whitelist, settings, clock, random, false);
  }

  private InMemorySwarms(
      Whitelist whitelist,
      TrackerSettings settings,
      InstantSource clock,
      RandomGenerator random,
      boolean replicated) {
    this.whitelist = whitelist;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.replicated = replicated;
    // Re-writing an unchanged peer an eighth of the timeout before it would lapse keeps it alive
    // in the shared store while its expiry there stays within 1/8 of the local one.
    this.refreshAfterMillis = settings.peerTimeout().toMillis() / 8;
  }

  /** A store whose changes a replicator writes to, and whose view it refreshes from, Redis. */
  public static InMemorySwarms replicated(
      Whitelist whitelist, TrackerSettings settings, InstantSource clock, RandomGenerator random) {
    return new InMemorySwarms(whitelist, settings, clock, random, true);
  }

  @Override
  public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
    InfoHash key = whitelist.swarmOf(request.infoHash());
    if (key == null) {
      return CompletableFuture.failedFuture(new UnregisteredTorrentException());
    }
    long now = clock.millis();
    AnnounceResult result =
        locked(
            key,
            swarm -> {
              swarm.expireNow(now - settings.peerTimeout().toMillis());
              List<Peer> peers = swarm.announce(request, now);
              return new AnnounceResult(
                  settings.jitteredIntervalSeconds(random),
                  (int) settings.minAnnounceInterval().toSeconds(),
                  swarm.seeders(),
                  swarm.leechers(),
                  swarm.downloaded(),
                  peers);
            });
    countsChanged.add(key);
    if (replicated) {
      touched.add(key);
    }
    return CompletableFuture.completedFuture(result);
  }

  @Override
  public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    List<ScrapeResult.Entry> entries = new ArrayList<>(request.infoHashes().size());
    for (InfoHash infoHash : request.infoHashes()) {
      InfoHash key = whitelist.swarmOf(infoHash);
      if (key == null || (!replicated && !swarms.containsKey(key))) {
        entries.add(new ScrapeResult.Entry(infoHash, 0, 0, 0));
        continue;
      }
      if (replicated) {
        // Another instance may hold this swarm: the sync fetches it, for this and later scrapes.
        touched.add(key);
      }
      entries.add(
          locked(
              key,
              swarm -> {
                swarm.expireNow(cutoff);
                return new ScrapeResult.Entry(
                    infoHash, swarm.seeders(), swarm.downloaded(), swarm.leechers());
              }));
    }
    return CompletableFuture.completedFuture(new ScrapeResult(entries));
  }

  @Override
  public List<InfoHash> drainChanged() {
    return drain(countsChanged);
  }

  @Override
  public void requeue(Collection<InfoHash> keys) {
    countsChanged.addAll(keys);
  }

  @Override
  public int pending() {
    return countsChanged.size();
  }

  @Override
  public List<ScrapeResult.Entry> settledCounts(Collection<InfoHash> keys) {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    List<ScrapeResult.Entry> entries = new ArrayList<>(keys.size());
    for (InfoHash key : keys) {
      Swarm swarm = swarms.get(key);
      if (swarm == null) {
        continue;
      }
      synchronized (swarm) {
        if (replicated && !swarm.synced) {
          // Its completed count would still lack what Redis remembers: flush after the sync.
          countsChanged.add(key);
          continue;
        }
        swarm.expire(cutoff);
        entries.add(
            new ScrapeResult.Entry(key, swarm.seeders(), swarm.downloaded(), swarm.leechers()));
      }
    }
    return entries;
  }

  @Override
  public List<PeerState> peers(InfoHash key) {
    Swarm swarm = swarms.get(key);
    if (swarm == null) {
      return List.of();
    }
    synchronized (swarm) {
      swarm.expire(clock.millis() - settings.peerTimeout().toMillis());
      List<PeerState> peers = new ArrayList<>(swarm.size);
      for (int i = 0; i < swarm.size; i++) {
        peers.add(swarm.slots[i].state());
      }
      return peers;
    }
  }

  /**
   * Drops every peer that timed out, and swarms left with nothing worth keeping; announces and
   * scrapes also expire their own swarm.
   */
  public void purgeExpired() {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    swarms
        .entrySet()
        .removeIf(
            e -> {
              Swarm swarm = e.getValue();
              synchronized (swarm) {
                if (swarm.expire(cutoff)) {
                  countsChanged.add(e.getKey());
                }
                // A replicated swarm's completed count lives in Redis; a local one only here.
                boolean empty =
                    !countsChanged.contains(e.getKey())
                        && swarm.size == 0
                        && swarm.pending.isEmpty()
                        && swarm.pendingCompleted == 0
                        && (replicated ? !touched.contains(e.getKey()) : swarm.unsynced == 0);
                if (empty) {
                  swarm.removed = true;
                }
                return empty;
              }
            });
  }

  /** How many swarms and peers this instance holds (its own and other instances'). */
  public Size size() {
    int peers = 0;
    for (Swarm swarm : swarms.values()) {
      synchronized (swarm) {
        peers += swarm.size;
      }
    }
    return new Size(swarms.size(), peers);
  }

  /** Swarm and peer counts. */
  public record Size(int swarms, int peers) {}

  /** Swarm keys announced to or scraped since the last call: the next sync's work. */
  public List<InfoHash> drainTouched() {
    return drain(touched);
  }

  private static List<InfoHash> drain(Set<InfoHash> keys) {
    List<InfoHash> drained = new ArrayList<>();
    for (InfoHash key : keys) {
      if (keys.remove(key)) {
        drained.add(key);
      }
    }
    return drained;
  }

  /**
   * Hands a swarm's unwritten changes to the replicator; they are forgotten here until restored.
   */
  public SwarmChanges takeChanges(InfoHash key) {
    if (!swarms.containsKey(key)) {
      return SwarmChanges.NONE;
    }
    return locked(
        key,
        swarm -> {
          List<PeerState> upserts = new ArrayList<>();
          List<PeerId> removals = new ArrayList<>();
          swarm.pending.forEach(
              (id, state) -> {
                if (state == null) {
                  removals.add(id);
                } else {
                  upserts.add(state);
                }
              });
          SwarmChanges changes = new SwarmChanges(upserts, removals, swarm.pendingCompleted);
          swarm.pending.clear();
          swarm.pendingCompleted = 0;
          return changes;
        });
  }

  /** Whether the swarm's shared view was last read before {@code millis} (or never). */
  public boolean pulledBefore(InfoHash key, long millis) {
    Swarm swarm = swarms.get(key);
    if (swarm == null) {
      return true;
    }
    synchronized (swarm) {
      return swarm.pulledAt < millis;
    }
  }

  /**
   * Gives back changes the shared store did not take (Redis down); newer changes of the same peers
   * win, and the swarm is synced again next time.
   */
  public void restoreChanges(InfoHash key, SwarmChanges changes) {
    locked(
        key,
        swarm -> {
          for (PeerState state : changes.upserts()) {
            swarm.pending.putIfAbsent(state.peerId(), state);
          }
          for (PeerId id : changes.removals()) {
            swarm.pending.putIfAbsent(id, null);
          }
          swarm.pendingCompleted += changes.completed();
          return null;
        });
    touched.add(key);
  }

  /**
   * Takes the shared view of a swarm after {@code written} reached the shared store: other
   * instances' peers replace the remote ones held so far, a peer that moved to another instance
   * becomes remote, and the global counts apply. When the view is complete but misses one of this
   * instance's peers (Redis lost data), that peer is queued to be written again.
   */
  public void applyView(InfoHash key, SwarmChanges written, SwarmView view) {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    boolean rewrite =
        locked(
            key,
            swarm -> {
              long before = swarm.downloaded();
              int seedersBefore = swarm.seeders();
              int leechersBefore = swarm.leechers();
              boolean missing = false;
              swarm.unsynced -= written.completed();
              swarm.base = view.completed();
              swarm.synced = true;
              swarm.pulledAt = clock.millis();
              swarm.sampled = !view.complete();
              swarm.globalSeeders = view.seeders();
              swarm.globalLeechers = view.leechers();
              swarm.removeIf(entry -> entry.remote);
              Set<PeerId> shared = new HashSet<>();
              for (PeerState member : view.members()) {
                shared.add(member.peerId());
                long seen = member.lastAnnounce().toEpochMilli();
                Entry local = swarm.byId.get(member.peerId());
                if (seen < cutoff || (local != null && local.lastSeen >= seen)) {
                  continue;
                }
                if (local != null) {
                  // The peer announced to another instance since: it is theirs now.
                  swarm.remove(local);
                }
                Entry remote = new Entry(member.peerId());
                remote.update(
                    member.address(), member.port(), member.uploaded(), member.downloaded());
                remote.left = member.left();
                remote.lastSeen = seen;
                remote.completed = member.completed();
                remote.remote = true;
                swarm.add(remote);
              }
              if (view.complete()) {
                for (int i = 0; i < swarm.size; i++) {
                  Entry entry = swarm.slots[i];
                  if (!entry.remote
                      && !shared.contains(entry.id)
                      && !swarm.pending.containsKey(entry.id)) {
                    swarm.pending.put(entry.id, entry.state());
                    missing = true;
                  }
                }
              }
              if (before != swarm.downloaded()
                  || seedersBefore != swarm.seeders()
                  || leechersBefore != swarm.leechers()) {
                countsChanged.add(key);
              }
              return missing;
            });
    if (rewrite) {
      touched.add(key);
    }
  }

  /**
   * Runs {@code action} holding the swarm's lock, creating the swarm when absent; retries when
   * {@link #purgeExpired} removed the swarm between the lookup and the lock.
   */
  private <T> T locked(InfoHash key, Function<Swarm, T> action) {
    while (true) {
      Swarm swarm = swarms.computeIfAbsent(key, k -> new Swarm());
      synchronized (swarm) {
        if (!swarm.removed) {
          return action.apply(swarm);
        }
      }
    }
  }

  /**
   * One swarm. Peers live in an array (O(1) swap-removal through each entry's index) plus a map by
   * peer id, with the seeder count kept up to date, so an announce never walks the whole swarm:
   * expiry runs at most once a second, and the reply's peers are a window of the array starting at
   * a random slot.
   */
  private final class Swarm {

    /** How often an announce may sweep its swarm for silent peers. */
    private static final long EXPIRE_EVERY_MILLIS = 1_000;

    private final Map<PeerId, Entry> byId = new HashMap<>();
    private Entry[] slots = new Entry[4];
    private int size;
    private int seederCount;
    private long lastExpire = Long.MIN_VALUE / 2;

    /** Newest unwritten state per peer; {@code null} = stopped. */
    private final Map<PeerId, PeerState> pending = new LinkedHashMap<>();

    /** Completed downloads as the shared store last reported them. */
    private long base;

    /** Completed here and not yet confirmed by the shared store (taken or not). */
    private long unsynced;

    /** Completed here and not yet taken by the replicator. */
    private long pendingCompleted;

    private boolean synced;

    /** When the shared view was last applied. */
    private long pulledAt = Long.MIN_VALUE;

    private boolean sampled;
    private boolean removed;
    private int globalSeeders;
    private int globalLeechers;

    long downloaded() {
      return base + unsynced;
    }

    int seeders() {
      return sampled ? globalSeeders : seederCount;
    }

    int leechers() {
      return sampled ? globalLeechers : size - seederCount;
    }

    void add(Entry entry) {
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2);
      }
      entry.index = size;
      slots[size++] = entry;
      byId.put(entry.id, entry);
      seederCount += entry.left == 0 ? 1 : 0;
    }

    void remove(Entry entry) {
      int last = --size;
      Entry moved = slots[last];
      slots[entry.index] = moved;
      moved.index = entry.index;
      slots[last] = null;
      byId.remove(entry.id);
      seederCount -= entry.left == 0 ? 1 : 0;
    }

    void setLeft(Entry entry, long left) {
      if ((entry.left == 0) != (left == 0)) {
        seederCount += left == 0 ? 1 : -1;
      }
      entry.left = left;
    }

    /** Removes the matching peers; whether there were any. */
    boolean removeIf(Predicate<Entry> condition) {
      boolean any = false;
      // Backwards: a swap-removal moves an already visited entry into the freed slot.
      for (int i = size - 1; i >= 0; i--) {
        Entry entry = slots[i];
        if (condition.test(entry)) {
          remove(entry);
          any = true;
        }
      }
      return any;
    }

    /** Drops the peers silent since before {@code cutoff}; whether there were any. */
    boolean expire(long cutoff) {
      lastExpire = cutoff;
      return removeIf(entry -> entry.lastSeen < cutoff);
    }

    /** {@link #expire} unless this swarm was swept less than a second ago (the announce path). */
    void expireNow(long cutoff) {
      if (cutoff - lastExpire >= EXPIRE_EVERY_MILLIS || cutoff < lastExpire) {
        expire(cutoff);
      }
    }

    List<Peer> announce(AnnounceRequest request, long now) {
      PeerId id = request.peerId();
      Entry entry = byId.get(id);
      if (request.event() == AnnounceEvent.STOPPED) {
        if (entry != null) {
          remove(entry);
        }
        if (replicated) {
          pending.put(id, null);
        }
        return List.of();
      }
      boolean changed = entry == null || entry.remote;
      if (entry == null) {
        entry = new Entry(id);
        entry.left = request.left();
        add(entry);
      }
      changed |=
          entry.update(request.address(), request.port(), request.uploaded(), request.downloaded());
      changed |= entry.left != request.left();
      setLeft(entry, request.left());
      entry.lastSeen = now;
      entry.remote = false;
      if (request.event() == AnnounceEvent.COMPLETED && !entry.completed) {
        entry.completed = true;
        changed = true;
        unsynced++;
        pendingCompleted += replicated ? 1 : 0;
      }
      if (replicated && (changed || now - entry.written >= refreshAfterMillis)) {
        entry.written = now;
        pending.put(id, entry.state());
      }
      return pick(request, entry);
    }

    /**
     * Up to numwant peers for {@code self}, never itself nor another id at its address and port.
     */
    private List<Peer> pick(AnnounceRequest request, Entry self) {
      int want = request.numWant();
      if (want == 0 || size <= 1) {
        return List.of();
      }
      boolean seeder = request.isSeeder();
      boolean ipv4 = self.ipv4;
      boolean anyFamily = request.transport() == Transport.HTTP;
      List<Peer> peers = new ArrayList<>(Math.min(want, size - 1));
      int start = size <= want + 1 ? 0 : random.nextInt(size);
      for (int i = 0; i < size && peers.size() < want; i++) {
        Entry other = slots[(start + i) % size];
        if ((seeder && other.left == 0)
            || (!anyFamily && other.ipv4 != ipv4)
            || other == self
            || (other.endpoint == self.endpoint
                && (ipv4 || other.address.equals(self.address))
                && other.port == self.port)) {
          continue;
        }
        peers.add(other.peer);
      }
      if (start == 0) {
        Collections.shuffle(peers, random);
      }
      return peers;
    }
  }

  private static final class Entry {
    private final PeerId id;
    private int index;
    private InetAddress address;
    private boolean ipv4;
    private int port;

    /** IPv4: address and port in one number; IPv6: a hash of them (then compared in full). */
    private long endpoint;

    /** This peer as replies hand it out; rebuilt only when its address or port changes. */
    private Peer peer;

    private long uploaded;
    private long downloaded;
    private long left;
    private long lastSeen;
    private boolean completed;

    /** Announced to another instance; known here through the shared store. */
    private boolean remote;

    /** When this peer's state was last queued for the shared store. */
    private long written;

    Entry(PeerId id) {
      this.id = id;
    }

    /** Sets the address and counters; whether any of them changed. */
    boolean update(InetAddress address, int port, long uploaded, long downloaded) {
      boolean moved = port != this.port || !address.equals(this.address);
      boolean changed = moved || uploaded != this.uploaded || downloaded != this.downloaded;
      if (moved) {
        this.address = address;
        this.ipv4 = Addresses.isIpv4(address);
        this.port = port;
        byte[] ip = address.getAddress();
        this.endpoint =
            ipv4
                ? ((long) ByteBuffer.wrap(ip).getInt() << 16 | port)
                : ((long) Arrays.hashCode(ip) << 16 | port);
        this.peer = new Peer(id, address, port);
      }
      this.uploaded = uploaded;
      this.downloaded = downloaded;
      return changed;
    }

    PeerState state() {
      return new PeerState(
          id, address, port, uploaded, downloaded, left, Instant.ofEpochMilli(lastSeen), completed);
    }
  }
}
