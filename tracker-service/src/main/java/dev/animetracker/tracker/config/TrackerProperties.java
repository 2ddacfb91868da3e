package dev.animetracker.tracker.config;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.server.SocketTransport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The tracker's settings ({@code animetracker.tracker.*}); see docs/tracker-service.md.
 *
 * @param port announce/scrape port, TCP (HTTP) and UDP (BEP 15); 0 picks a free one
 * @param bindAddress the address both sockets bind to
 * @param interval the announce interval told to clients
 * @param minInterval the {@code min interval} of replies
 * @param jitter up to this much is added to each reply's interval
 * @param numwant peers returned when the client does not say
 * @param maxNumwant the most peers one reply carries
 * @param maxScrapeHashes the most info hashes one scrape may ask about
 * @param trustedProxies literal IP addresses whose {@code ip} parameter / forwarded-for is believed
 * @param connectionSecret BEP 15 connection id secret shared by all instances; random per process
 *     when empty
 * @param torrentServiceUrl base URL of torrent-service, for the start-up whitelist load
 * @param eventLoopThreads Netty event loop threads, 0 for one per core
 * @param socketTransport the sockets' transport: {@code auto} (the measured best available), {@code
 *     io-uring}, {@code epoll} or {@code nio}
 * @param swarmStore {@code redis}: swarms served from memory and synced through Redis with every
 *     instance; {@code memory}: this instance alone (tests)
 * @param statsFlushInterval how often changed swarms' counts are published to {@code tracker-stats}
 * @param redisSyncInterval how often touched swarms are written to and read back from Redis (the
 *     most a peer announced to one instance waits before the others return it)
 * @param redisSampleSize the most peers of one swarm read back per sync; larger swarms are sampled
 * @param whitelistFile a file of info hashes (40 or 64 hex digits a line, {@code #} comments)
 *     served in addition to torrent-service's; empty for none (see {@code WhitelistFile})
 * @param whitelistWait how long a starting instance waits for its start-up whitelist load before it
 *     binds the announce port anyway (a port shared with running instances must not answer "not
 *     registered" meanwhile); 0 binds at once
 * @param maxPeersPerIpPerSwarm the most peers one IPv4 address or IPv6 /64 may hold in one swarm (a
 *     few, for households and carrier NAT sharing one address); see docs/security.md
 * @param maxPeersPerIp the most peers one IPv4 address or IPv6 /64 may hold across all swarms
 * @param completedMemory networks remembered per swarm as having completed, so that {@code
 *     completed} counts once per network
 * @param peerIdsInReplies whether {@code compact=0} replies carry {@code peer id} (off by default:
 *     a disclosed id is what an impersonator needs)
 * @param http back-pressure limits of one HTTP connection (see docs/security.md)
 */
@Validated
@ConfigurationProperties("animetracker.tracker")
public record TrackerProperties(
    @DefaultValue("6969") @Min(0) @Max(65535) int port,
    @DefaultValue("0.0.0.0") @NotBlank String bindAddress,
    @DefaultValue("30m") @NotNull Duration interval,
    @DefaultValue("5m") @NotNull Duration minInterval,
    @DefaultValue("3m") @NotNull Duration jitter,
    @DefaultValue("50") @Min(0) int numwant,
    @DefaultValue("200") @Min(1) int maxNumwant,
    @DefaultValue("74") @Min(1) int maxScrapeHashes,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("") String connectionSecret,
    @DefaultValue("http://127.0.0.1:8082") @NotNull URI torrentServiceUrl,
    @DefaultValue("0") @Min(0) int eventLoopThreads,
    @DefaultValue("auto") @NotNull SocketTransport socketTransport,
    @DefaultValue("redis") @NotNull SwarmStore swarmStore,
    @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration statsFlushInterval,
    @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration redisSyncInterval,
    @DefaultValue("400") @Min(1) int redisSampleSize,
    @DefaultValue("") String whitelistFile,
    @DefaultValue("30s") @NotNull Duration whitelistWait,
    @DefaultValue("5") @Min(1) @Max(1000) int maxPeersPerIpPerSwarm,
    @DefaultValue("500") @Min(1) @Max(1000000) int maxPeersPerIp,
    @DefaultValue("2048") @Min(1) @Max(1000000) int completedMemory,
    @DefaultValue("false") boolean peerIdsInReplies,
    @DefaultValue @NotNull @Valid Http http) {

  /**
   * What one HTTP connection may make the tracker buffer.
   *
   * @param lowWaterMark outbound bytes below which a paused connection is read again
   * @param highWaterMark outbound bytes above which a connection stops being read
   * @param maxInFlight requests waiting for their reply above which a connection stops being read
   * @param maxUnwritten unwritten bytes beyond the low mark at which the connection is closed
   * @param readTimeout a connection with nothing read for this long is closed
   */
  public record Http(
      @DefaultValue("32KB") @NotNull DataSize lowWaterMark,
      @DefaultValue("64KB") @NotNull DataSize highWaterMark,
      @DefaultValue("32") @Min(1) @Max(10000) int maxInFlight,
      @DefaultValue("256KB") @NotNull DataSize maxUnwritten,
      @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration readTimeout) {

    TrackerSettings.HttpLimits toLimits() {
      return new TrackerSettings.HttpLimits(
          Math.toIntExact(lowWaterMark.toBytes()),
          Math.toIntExact(highWaterMark.toBytes()),
          maxInFlight,
          Math.toIntExact(maxUnwritten.toBytes()),
          readTimeout);
    }
  }

  /** Where swarm state is kept. */
  public enum SwarmStore {
    REDIS,
    MEMORY
  }

  public TrackerProperties {
    trustedProxies =
        trustedProxies == null
            ? List.of()
            : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The protocol settings; fails on inconsistent values (e.g. min interval above interval). */
  public TrackerSettings toSettings() {
    Set<InetAddress> proxies = new LinkedHashSet<>();
    for (String proxy : trustedProxies) {
      proxies.add(Addresses.normalize(literal(proxy)));
    }
    return new TrackerSettings(
        interval,
        jitter,
        minInterval,
        numwant,
        maxNumwant,
        maxScrapeHashes,
        proxies,
        maxPeersPerIpPerSwarm,
        maxPeersPerIp,
        completedMemory,
        peerIdsInReplies,
        http.toLimits());
  }

  /** The bind address; must be a literal IP address, never resolved through DNS. */
  public InetAddress bindInetAddress() {
    return literal(bindAddress);
  }

  private static InetAddress literal(String address) {
    if (!address.matches("[0-9a-fA-F:.%]+")) {
      throw new IllegalArgumentException("not an IP address literal: " + address);
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + address, e);
    }
  }
}
