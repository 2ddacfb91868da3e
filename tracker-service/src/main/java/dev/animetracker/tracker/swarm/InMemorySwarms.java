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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The swarms this instance answers from: every announce and scrape is served from memory, without
 * waiting on Redis (the hot path stays in microseconds). The rules:
 *
 * <ul>
 *   <li>only whitelisted info hashes are served; a hybrid's two hashes share one swarm;
 *   <li>a peer is its peer id <em>and</em> address: the same id from another address is another
 *       peer, unless it presents the BEP 7 {@code key} the peer first announced with (then the peer
 *       moved there); so nobody can move or remove someone else's peer by sending its id;
 *   <li>a peer never receives itself (same entry, or same address and port);
 *   <li>one network (IPv4 address, IPv6 /64) holds at most {@link
 *       TrackerSettings#maxPeersPerIpPerSwarm} peers per swarm and {@link
 *       TrackerSettings#maxPeersPerIp} across swarms; a new peer beyond that is refused ({@link
 *       PeerLimitException}) and not counted;
 *   <li>{@code stopped} removes the peer; {@code completed} counts once per network and swarm (the
 *       swarm remembers the last {@link TrackerSettings#completedMemory} networks that completed,
 *       and learns other instances' from the shared view), so neither repeating it, stopping and
 *       starting again nor changing the peer id inflates it;
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

  /** Peers per network across every swarm (this instance's and, as last seen, the others'). */
  private final Map<Long, Integer> peersPerNetwork = new ConcurrentHashMap<>();

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
              if (peers == null) {
                return null;
              }
              return new AnnounceResult(
                  settings.jitteredIntervalSeconds(random),
                  (int) settings.minAnnounceInterval().toSeconds(),
                  swarm.seeders(),
                  swarm.leechers(),
                  swarm.downloaded(),
                  peers);
            });
    if (result == null) {
      return CompletableFuture.failedFuture(new PeerLimitException());
    }
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

  /** See {@link Whitelist#awaitLoaded}. */
  public boolean awaitWhitelist(Duration timeout) throws InterruptedException {
    return whitelist.awaitLoaded(timeout);
  }

  /** The swarm an announced info hash belongs to, or null when it is not registered. */
  public @Nullable InfoHash swarmOf(InfoHash infoHash) {
    return whitelist.swarmOf(infoHash);
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
          List<PeerAddress> removals = new ArrayList<>();
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
            swarm.pending.putIfAbsent(state.identity(), state);
          }
          for (PeerAddress id : changes.removals()) {
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
              Set<PeerAddress> shared = new HashSet<>();
              for (PeerState member : view.members()) {
                shared.add(member.identity());
                long network = Addresses.network(member.address());
                if (member.completed()) {
                  // Counted by another instance (or before a restart): not again here.
                  swarm.rememberCompleted(network);
                }
                long seen = member.lastAnnounce().toEpochMilli();
                Entry local = swarm.find(member.peerId(), member.address());
                if (seen < cutoff || (local != null && local.lastSeen >= seen)) {
                  continue;
                }
                if (local != null) {
                  // The peer announced to another instance since: it is theirs now.
                  swarm.remove(local);
                } else if (member.key().isPresent()) {
                  Entry movedAway = swarm.findByKey(member.peerId(), member.key().getAsInt());
                  if (movedAway != null && !movedAway.remote && movedAway.lastSeen < seen) {
                    // It proved its key at another instance from a new address: gone from here.
                    swarm.remove(movedAway);
                  }
                }
                Entry remote = new Entry(member.peerId(), network, member.key());
                remote.update(
                    member.address(), member.port(), member.uploaded(), member.downloaded());
                remote.left = member.left();
                remote.lastSeen = seen;
                remote.completed = member.completed();
                remote.remote = true;
                swarm.admit(remote, false);
              }
              if (view.complete()) {
                for (int i = 0; i < swarm.size; i++) {
                  Entry entry = swarm.slots[i];
                  if (!entry.remote
                      && !shared.contains(entry.identity)
                      && !swarm.pending.containsKey(entry.identity)) {
                    swarm.pending.put(entry.identity, entry.state());
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

  /** Counts one more peer of {@code network}; refuses ({@code false}) at the cap when enforced. */
  private boolean claim(long network, boolean enforce) {
    Long key = network;
    while (true) {
      Integer held = peersPerNetwork.get(key);
      if (held == null) {
        if (peersPerNetwork.putIfAbsent(key, 1) == null) {
          return true;
        }
      } else if (enforce && held >= settings.maxPeersPerIp()) {
        return false;
      } else if (peersPerNetwork.replace(key, held, held + 1)) {
        return true;
      }
    }
  }

  private void release(long network) {
    Long key = network;
    while (true) {
      Integer held = peersPerNetwork.get(key);
      if (held == null
          || (held == 1
              ? peersPerNetwork.remove(key, held)
              : peersPerNetwork.replace(key, held, held - 1))) {
        return;
      }
    }
  }

  /** How many peers {@code address}'s network holds across swarms (for tests and metrics). */
  int peersOfNetwork(InetAddress address) {
    return peersPerNetwork.getOrDefault(Addresses.network(address), 0);
  }

  /** A mutable count, so that a network's count per swarm changes without re-boxing. */
  private static final class Count {
    private int value;
  }

  /**
   * One swarm. Peers live in an array (O(1) swap-removal through each entry's index) plus a map by
   * peer id (entries of one id at several addresses chained), with the seeder count kept up to
   * date, so an announce never walks the whole swarm: expiry runs at most once a second, and the
   * reply's peers are a window of the array starting at a random slot.
   */
  private final class Swarm {

    /** How often an announce may sweep its swarm for silent peers. */
    private static final long EXPIRE_EVERY_MILLIS = 1_000;

    private final Map<PeerId, Entry> byId = new HashMap<>();
    private final Map<Long, Count> perNetwork = new HashMap<>();
    private Entry[] slots = new Entry[4];
    private int size;
    private int seederCount;
    private long lastExpire = Long.MIN_VALUE / 2;

    /** Networks whose completed download was counted, oldest first; bounded. */
    private final LinkedHashSet<Long> completers = new LinkedHashSet<>();

    /** Newest unwritten state per peer; {@code null} = stopped. */
    private final Map<PeerAddress, PeerState> pending = new LinkedHashMap<>();

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

    /** The peer with this id at this address. */
    Entry find(PeerId id, InetAddress address) {
      for (Entry entry = byId.get(id); entry != null; entry = entry.sameId) {
        if (entry.address.equals(address)) {
          return entry;
        }
      }
      return null;
    }

    /** A peer with this id that first announced with this key (at whatever address). */
    Entry findByKey(PeerId id, int key) {
      for (Entry entry = byId.get(id); entry != null; entry = entry.sameId) {
        if (entry.hasKey && entry.key == key) {
          return entry;
        }
      }
      return null;
    }

    /**
     * Adds a peer unless {@code enforce} and its network is at a cap (then nothing changes). Other
     * instances' peers are never refused: the caps apply where a peer announces.
     */
    boolean admit(Entry entry, boolean enforce) {
      Count count = perNetwork.get(entry.network);
      if (enforce && count != null && count.value >= settings.maxPeersPerIpPerSwarm()) {
        return false;
      }
      if (!claim(entry.network, enforce)) {
        return false;
      }
      if (count == null) {
        count = new Count();
        perNetwork.put(entry.network, count);
      }
      count.value++;
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2);
      }
      entry.index = size;
      slots[size++] = entry;
      entry.sameId = byId.put(entry.id, entry);
      seederCount += entry.left == 0 ? 1 : 0;
      return true;
    }

    void remove(Entry entry) {
      int last = --size;
      Entry moved = slots[last];
      slots[entry.index] = moved;
      moved.index = entry.index;
      slots[last] = null;
      unlink(entry);
      leave(entry.network);
      seederCount -= entry.left == 0 ? 1 : 0;
    }

    private void unlink(Entry entry) {
      Entry head = byId.get(entry.id);
      if (head == entry) {
        if (entry.sameId == null) {
          byId.remove(entry.id);
        } else {
          byId.put(entry.id, entry.sameId);
        }
      } else {
        Entry before = head;
        while (before != null && before.sameId != entry) {
          before = before.sameId;
        }
        if (before != null) {
          before.sameId = entry.sameId;
        }
      }
      entry.sameId = null;
    }

    private void leave(long network) {
      Count count = perNetwork.get(network);
      if (count != null && --count.value == 0) {
        perNetwork.remove(network);
      }
      release(network);
    }

    /**
     * Moves a peer that proved its key to {@code address}, if that address's network has room;
     * whether it moved.
     */
    boolean move(Entry entry, InetAddress address) {
      long network = Addresses.network(address);
      if (network != entry.network) {
        Count count = perNetwork.get(network);
        if ((count != null && count.value >= settings.maxPeersPerIpPerSwarm())
            || !claim(network, true)) {
          return false;
        }
        if (count == null) {
          count = new Count();
          perNetwork.put(network, count);
        }
        count.value++;
        leave(entry.network);
        entry.network = network;
      }
      return true;
    }

    /** Remembers that {@code network} completed; whether it is new (and so counts). */
    boolean rememberCompleted(long network) {
      if (!completers.add(network)) {
        return false;
      }
      if (completers.size() > settings.completedMemory()) {
        completers.removeFirst();
      }
      return true;
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

    /** The reply's peers, or {@code null} when a new peer is refused by a cap. */
    List<Peer> announce(AnnounceRequest request, long now) {
      PeerId id = request.peerId();
      InetAddress address = request.address();
      Entry entry = find(id, address);
      Entry keyed =
          entry == null && request.key().isPresent()
              ? findByKey(id, request.key().getAsInt())
              : null;
      if (request.event() == AnnounceEvent.STOPPED) {
        Entry gone = entry != null ? entry : keyed;
        if (gone != null) {
          remove(gone);
        }
        if (replicated) {
          pending.put(gone != null ? gone.identity : new PeerAddress(id, address), null);
        }
        return List.of();
      }
      boolean changed = entry == null || entry.remote;
      if (entry == null && keyed != null) {
        PeerAddress before = keyed.identity;
        if (!move(keyed, address)) {
          return null;
        }
        if (replicated) {
          pending.put(before, null);
        }
        entry = keyed;
      } else if (entry == null) {
        entry = new Entry(id, Addresses.network(address), request.key());
        entry.left = request.left();
        if (!admit(entry, true)) {
          return null;
        }
      } else if (!entry.hasKey && request.key().isPresent()) {
        entry.hasKey = true;
        entry.key = request.key().getAsInt();
        changed = true;
      }
      changed |= entry.update(address, request.port(), request.uploaded(), request.downloaded());
      changed |= entry.left != request.left();
      setLeft(entry, request.left());
      entry.lastSeen = now;
      entry.remote = false;
      if (request.event() == AnnounceEvent.COMPLETED && !entry.completed) {
        entry.completed = true;
        changed = true;
        if (rememberCompleted(entry.network)) {
          unsynced++;
          pendingCompleted += replicated ? 1 : 0;
        }
      }
      if (replicated && (changed || now - entry.written >= refreshAfterMillis)) {
        entry.written = now;
        pending.put(entry.identity, entry.state());
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

    /** {@link Addresses#network} of the address: what the caps count. */
    private long network;

    /** The BEP 7 key it first announced with, if any: lets it change address. */
    private boolean hasKey;

    private int key;

    /** The next peer with the same id at another address. */
    private Entry sameId;

    /** Id and address; rebuilt only when the address changes. */
    private PeerAddress identity;

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

    Entry(PeerId id, long network, OptionalInt key) {
      this.id = id;
      this.network = network;
      this.hasKey = key.isPresent();
      this.key = key.orElse(0);
    }

    /** Sets the address and counters; whether any of them changed. */
    boolean update(InetAddress address, int port, long uploaded, long downloaded) {
      boolean moved = port != this.port || !address.equals(this.address);
      boolean changed = moved || uploaded != this.uploaded || downloaded != this.downloaded;
      if (moved) {
        if (!address.equals(this.address)) {
          this.identity = new PeerAddress(id, address);
        }
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
          id,
          address,
          port,
          uploaded,
          downloaded,
          left,
          Instant.ofEpochMilli(lastSeen),
          completed,
          hasKey ? OptionalInt.of(key) : OptionalInt.empty());
    }
  }
}
