package dev.animetracker.tracker.protocol;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The knobs of the tracker protocol.
 *
 * @param announceInterval the {@code interval} clients are told to wait between announces
 * @param intervalJitter up to this much is added to each reply's interval, so that clients that
 *     started together spread out
 * @param minAnnounceInterval the {@code min interval} of replies
 * @param defaultNumWant peers returned when the client does not say ({@code numwant} / -1)
 * @param maxNumWant the most peers one reply carries, whatever the client asks
 * @param maxScrapeHashes the most info hashes one scrape may ask about
 * @param trustedProxies sources whose {@code ip} parameter (and forwarded-for header) is believed
 * @param maxPeersPerIpPerSwarm the most peers one network (IPv4 address, IPv6 /64) may hold in one
 *     swarm; further new peers from it are refused
 * @param maxPeersPerIp the most peers one network may hold across all swarms
 * @param completedMemory how many networks per swarm are remembered as having completed, so that
 *     {@code completed} counts once per network
 * @param peerIdsInReplies whether {@code compact=0} replies may carry {@code peer id} (off: peer
 *     ids are never disclosed)
 * @param http what one HTTP connection may make the tracker buffer
 */
public record TrackerSettings(
    Duration announceInterval,
    Duration intervalJitter,
    Duration minAnnounceInterval,
    int defaultNumWant,
    int maxNumWant,
    int maxScrapeHashes,
    Set<InetAddress> trustedProxies,
    int maxPeersPerIpPerSwarm,
    int maxPeersPerIp,
    int completedMemory,
    boolean peerIdsInReplies,
    HttpLimits http) {

  /**
   * Back-pressure for one HTTP connection.
   *
   * @param lowWaterMark outbound bytes below which a paused connection is read again
   * @param highWaterMark outbound bytes above which a connection stops being read
   * @param maxInFlight requests waiting for their reply above which a connection stops being read
   * @param maxUnwrittenBytes unwritten bytes beyond the low mark at which the connection is closed
   * @param readTimeout a connection with nothing read for this long is closed (also one that is
   *     paused because it never reads its replies)
   */
  public record HttpLimits(
      int lowWaterMark,
      int highWaterMark,
      int maxInFlight,
      int maxUnwrittenBytes,
      Duration readTimeout) {

    public HttpLimits {
      if (lowWaterMark < 1 || highWaterMark < lowWaterMark) {
        throw new IllegalArgumentException("need 1 <= lowWaterMark <= highWaterMark");
      }
      if (maxInFlight < 1 || maxUnwrittenBytes < 1) {
        throw new IllegalArgumentException("maxInFlight and maxUnwrittenBytes must be positive");
      }
      if (readTimeout.toMillis() < 1) {
        throw new IllegalArgumentException("readTimeout must be positive");
      }
    }

    /** 32/64 KiB water marks, 32 requests in flight, close at 256 KiB unwritten, 30 s timeout. */
    public static HttpLimits defaults() {
      return new HttpLimits(32 * 1024, 64 * 1024, 32, 256 * 1024, Duration.ofSeconds(30));
    }
  }

  public static final int DEFAULT_MAX_PEERS_PER_IP_PER_SWARM = 5;
  public static final int DEFAULT_MAX_PEERS_PER_IP = 500;
  public static final int DEFAULT_COMPLETED_MEMORY = 2048;

  /** The largest UDP payload that fits an Ethernet frame over IPv6 (1500 - 40 - 8). */
  private static final int UDP_SAFE_PAYLOAD = 1452;

  private static final int UDP_ANNOUNCE_HEADER = 20;

  public TrackerSettings {
    if (announceInterval.toSeconds() < 1 || announceInterval.toSeconds() > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("announceInterval out of range: " + announceInterval);
    }
    if (intervalJitter.isNegative() || intervalJitter.compareTo(announceInterval) > 0) {
      throw new IllegalArgumentException("intervalJitter must be within 0..announceInterval");
    }
    if (minAnnounceInterval.isNegative() || minAnnounceInterval.compareTo(announceInterval) > 0) {
      throw new IllegalArgumentException("minAnnounceInterval must be within 0..announceInterval");
    }
    if (maxNumWant < 0 || defaultNumWant < 0 || defaultNumWant > maxNumWant) {
      throw new IllegalArgumentException("need 0 <= defaultNumWant <= maxNumWant");
    }
    if (maxScrapeHashes < 1) {
      throw new IllegalArgumentException("maxScrapeHashes must be positive");
    }
    if (maxPeersPerIpPerSwarm < 1 || maxPeersPerIp < maxPeersPerIpPerSwarm) {
      throw new IllegalArgumentException("need 1 <= maxPeersPerIpPerSwarm <= maxPeersPerIp");
    }
    if (completedMemory < 1) {
      throw new IllegalArgumentException("completedMemory must be positive");
    }
    Objects.requireNonNull(http);
    trustedProxies = Set.copyOf(trustedProxies);
  }

  /** The protocol knobs with the default peer limits and peer ids kept private. */
  public TrackerSettings(
      Duration announceInterval,
      Duration intervalJitter,
      Duration minAnnounceInterval,
      int defaultNumWant,
      int maxNumWant,
      int maxScrapeHashes,
      Set<InetAddress> trustedProxies) {
    this(
        announceInterval,
        intervalJitter,
        minAnnounceInterval,
        defaultNumWant,
        maxNumWant,
        maxScrapeHashes,
        trustedProxies,
        DEFAULT_MAX_PEERS_PER_IP_PER_SWARM,
        DEFAULT_MAX_PEERS_PER_IP,
        DEFAULT_COMPLETED_MEMORY,
        false,
        HttpLimits.defaults());
  }

  /** 1800 s interval (+ up to 180 s jitter), 300 s min interval, numwant 50 capped at 200. */
  public static TrackerSettings defaults() {
    return new TrackerSettings(
        Duration.ofMinutes(30),
        Duration.ofMinutes(3),
        Duration.ofMinutes(5),
        50,
        200,
        74,
        Set.of());
  }

  public TrackerSettings withTrustedProxies(Set<InetAddress> proxies) {
    return new TrackerSettings(
        announceInterval,
        intervalJitter,
        minAnnounceInterval,
        defaultNumWant,
        maxNumWant,
        maxScrapeHashes,
        proxies,
        maxPeersPerIpPerSwarm,
        maxPeersPerIp,
        completedMemory,
        peerIdsInReplies,
        http);
  }

  public TrackerSettings withNumWant(int defaultNumWant, int maxNumWant) {
    return new TrackerSettings(
        announceInterval,
        intervalJitter,
        minAnnounceInterval,
        defaultNumWant,
        maxNumWant,
        maxScrapeHashes,
        trustedProxies,
        maxPeersPerIpPerSwarm,
        maxPeersPerIp,
        completedMemory,
        peerIdsInReplies,
        http);
  }

  public TrackerSettings withPeerLimits(int perSwarm, int overall, int completedMemory) {
    return new TrackerSettings(
        announceInterval,
        intervalJitter,
        minAnnounceInterval,
        defaultNumWant,
        maxNumWant,
        maxScrapeHashes,
        trustedProxies,
        perSwarm,
        overall,
        completedMemory,
        peerIdsInReplies,
        http);
  }

  public TrackerSettings withHttpLimits(HttpLimits limits) {
    return new TrackerSettings(
        announceInterval,
        intervalJitter,
        minAnnounceInterval,
        defaultNumWant,
        maxNumWant,
        maxScrapeHashes,
        trustedProxies,
        maxPeersPerIpPerSwarm,
        maxPeersPerIp,
        completedMemory,
        peerIdsInReplies,
        limits);
  }

  public TrackerSettings withPeerIdsInReplies(boolean allowed) {
    return new TrackerSettings(
        announceInterval,
        intervalJitter,
        minAnnounceInterval,
        defaultNumWant,
        maxNumWant,
        maxScrapeHashes,
        trustedProxies,
        maxPeersPerIpPerSwarm,
        maxPeersPerIp,
        completedMemory,
        allowed,
        http);
  }

  public boolean isTrustedProxy(InetAddress address) {
    return !trustedProxies.isEmpty() && trustedProxies.contains(Addresses.normalize(address));
  }

  /** The number of peers to return for a requested {@code numwant}; negative means default. */
  public int clampNumWant(long requested) {
    if (requested < 0) {
      return defaultNumWant;
    }
    return (int) Math.min(requested, maxNumWant);
  }

  /**
   * The most peers a BEP 15 reply carries for a client of this family, so that the datagram is not
   * fragmented: 238 IPv4 peers (6 bytes each) or 79 IPv6 peers (18 bytes each).
   */
  public static int udpPeerLimit(boolean ipv6) {
    return (UDP_SAFE_PAYLOAD - UDP_ANNOUNCE_HEADER) / (ipv6 ? 18 : 6);
  }

  /** The interval for one reply: the base interval plus a random jitter, in seconds. */
  public int jitteredIntervalSeconds(RandomGenerator random) {
    long jitter = intervalJitter.toSeconds();
    return (int) (announceInterval.toSeconds() + (jitter > 0 ? random.nextLong(jitter + 1) : 0));
  }

  /** A peer that has not announced for this long is gone: 1.5 of the longest interval given. */
  public Duration peerTimeout() {
    return announceInterval.plus(intervalJitter).multipliedBy(3).dividedBy(2);
  }
}
