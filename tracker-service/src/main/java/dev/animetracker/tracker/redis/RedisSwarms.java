package dev.animetracker.tracker.redis;

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
import dev.animetracker.tracker.protocol.TrackerProtocolException;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.swarm.Whitelist;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * Swarms held in Redis, so that several tracker instances share them. Follows the rules of {@link
 * dev.animetracker.tracker.swarm.InMemorySwarms}; one announce is one {@code EVALSHA} round trip,
 * one scrape is one pipelined batch.
 *
 * <p>Keys of a swarm (its whitelist swarm key {@code H}, 20 raw bytes; see {@code
 * docs/tracker-redis.md}):
 *
 * <ul>
 *   <li>{@code trk:H:s} / {@code trk:H:l} — sorted sets of seeders / leechers; member = peer id (20
 *       bytes) + IPv4 address and port (6 bytes) or IPv6 address and port (18 bytes); score = last
 *       announce in epoch milliseconds. Expiry is {@code ZREMRANGEBYSCORE}.
 *   <li>{@code trk:H:i} — hash peer id → flags (1 byte: seeder, completed counted, IPv6) + address
 *       and port (6 or 18 bytes) + uploaded, downloaded, left, last announce in epoch ms (unsigned
 *       LEB128 varints).
 *   <li>{@code trk:H:d} — hash with field {@code n}: completed downloads; never expires.
 * </ul>
 *
 * <p>The first three keys get a TTL of the peer timeout on every announce, so an idle swarm
 * disappears by itself.
 */
public final class RedisSwarms implements AnnounceService {

  static final String NOT_REGISTERED = "torrent not registered on this tracker";

  static final String ANNOUNCE_SCRIPT =
      """
      local now = ARGV[1]
      local cutoff = '(' .. ARGV[2]
      local pid = ARGV[3]
      local addr = ARGV[4]
      local seeder = ARGV[5] == '1'
      local event = ARGV[6]
      local fetch = tonumber(ARGV[8])
      local family = tonumber(ARGV[9])
      local ttl = ARGV[10]
      for i = 1, 2 do
        local gone = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', cutoff)
        if #gone > 0 then
          for _, m in ipairs(gone) do
            redis.call('HDEL', KEYS[3], string.sub(m, 1, 20))
          end
          redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', cutoff)
        end
      end
      local old = redis.call('HGET', KEYS[3], pid)
      local flags = 0
      if old then
        flags = string.byte(old, 1)
        local oldSet = KEYS[2]
        if flags % 2 == 1 then oldSet = KEYS[1] end
        local length = 6
        if flags >= 4 then length = 18 end
        redis.call('ZREM', oldSet, pid .. string.sub(old, 2, 1 + length))
      end
      local downloaded = tonumber(redis.call('HGET', KEYS[4], 'n') or '0')
      if event == 'x' then
        if old then redis.call('HDEL', KEYS[3], pid) end
        return {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]), downloaded}
      end
      local completed = flags % 4 >= 2
      if event == 'c' and not completed then
        completed = true
        downloaded = redis.call('HINCRBY', KEYS[4], 'n', 1)
      end
      local newFlags = 0
      if seeder then newFlags = 1 end
      if completed then newFlags = newFlags + 2 end
      if #addr == 18 then newFlags = newFlags + 4 end
      if seeder then
        redis.call('ZADD', KEYS[1], now, pid .. addr)
      else
        redis.call('ZADD', KEYS[2], now, pid .. addr)
      end
      redis.call('HSET', KEYS[3], pid, string.char(newFlags) .. addr .. ARGV[7])
      redis.call('PEXPIRE', KEYS[1], ttl)
      redis.call('PEXPIRE', KEYS[2], ttl)
      redis.call('PEXPIRE', KEYS[3], ttl)
      local result = {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]), downloaded}
      if fetch > 0 then
        local sources = {KEYS[1], KEYS[2]}
        if seeder then sources = {KEYS[2]} end
        for _, key in ipairs(sources) do
          for _, m in ipairs(redis.call('ZRANDMEMBER', key, fetch)) do
            if string.sub(m, 1, 20) ~= pid and string.sub(m, 21) ~= addr
                and (family == 0 or #m == family) then
              result[#result + 1] = m
            end
          end
        end
      end
      return result
      """;

  private static final byte[] PREFIX = "trk:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DOWNLOADED_FIELD = {'n'};
  private static final int MAX_VARINT = 10;
  private static final int IPV4_MEMBER = 20 + 6;
  private static final int IPV6_MEMBER = 20 + 18;

  private final RedisAsyncCommands<byte[], byte[]> redis;
  private final Whitelist whitelist;
  private final TrackerSettings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final byte[] script = ANNOUNCE_SCRIPT.getBytes(StandardCharsets.UTF_8);
  private final String sha;

  /**
   * Loads the announce script once ({@code SCRIPT LOAD}, blocking). The connection must use a
   * {@code byte[]} codec ({@link io.lettuce.core.codec.ByteArrayCodec}); it is shared, not owned.
   */
  public RedisSwarms(
      StatefulRedisConnection<byte[], byte[]> connection,
      Whitelist whitelist,
      TrackerSettings settings,
      InstantSource clock,
      RandomGenerator random) {
    this.redis = connection.async();
    this.whitelist = whitelist;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.sha = sha1Hex(script);
    String loaded = connection.sync().scriptLoad(script);
    if (!sha.equals(loaded)) {
      throw new IllegalStateException(
          "Redis returned script digest " + loaded + ", expected " + sha);
    }
  }

  @Override
  public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
    InfoHash swarm = whitelist.swarmOf(request.infoHash());
    if (swarm == null) {
      return CompletableFuture.failedFuture(new TrackerProtocolException(NOT_REGISTERED));
    }
    long now = clock.millis();
    byte[] address = addressAndPort(request.address(), request.port());
    int numWant = request.numWant();
    boolean udp = request.transport() == Transport.UDP;
    // The candidates may include the client itself (and an old id at its address); over UDP only
    // its own family counts, so ask for more to still fill numwant in a mixed swarm.
    int fetch = numWant == 0 ? 0 : udp ? 2 * numWant + 2 : numWant + 2;
    int family = udp ? 20 + address.length : 0;
    byte[][] keys = {key(swarm, 's'), key(swarm, 'l'), key(swarm, 'i'), key(swarm, 'd')};
    byte[][] args = {
      ascii(now),
      ascii(now - settings.peerTimeout().toMillis()),
      request.peerId().bytes(),
      address,
      ascii(request.isSeeder() ? 1 : 0),
      new byte[] {eventCode(request.event())},
      encodeStats(request.uploaded(), request.downloaded(), request.left(), now),
      ascii(fetch),
      ascii(family),
      ascii(settings.peerTimeout().toMillis())
    };
    return eval(keys, args).thenApply(reply -> toResult(reply, numWant));
  }

  @Override
  public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    Range<Number> live = Range.create(cutoff, Double.POSITIVE_INFINITY);
    List<InfoHash> hashes = request.infoHashes();
    List<RedisFuture<Long>> seeders = new ArrayList<>(hashes.size());
    List<RedisFuture<Long>> leechers = new ArrayList<>(hashes.size());
    List<RedisFuture<byte[]>> downloaded = new ArrayList<>(hashes.size());
    // Lettuce writes these without waiting for replies: one pipelined batch.
    for (InfoHash infoHash : hashes) {
      InfoHash swarm = whitelist.swarmOf(infoHash);
      if (swarm == null) {
        seeders.add(null);
        leechers.add(null);
        downloaded.add(null);
        continue;
      }
      seeders.add(redis.zcount(key(swarm, 's'), live));
      leechers.add(redis.zcount(key(swarm, 'l'), live));
      downloaded.add(redis.hget(key(swarm, 'd'), DOWNLOADED_FIELD));
    }
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      if (seeders.get(i) != null) {
        all.add(seeders.get(i).toCompletableFuture());
        all.add(leechers.get(i).toCompletableFuture());
        all.add(downloaded.get(i).toCompletableFuture());
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<ScrapeResult.Entry> entries = new ArrayList<>(hashes.size());
              for (int i = 0; i < hashes.size(); i++) {
                if (seeders.get(i) == null) {
                  entries.add(new ScrapeResult.Entry(hashes.get(i), 0, 0, 0));
                  continue;
                }
                entries.add(
                    new ScrapeResult.Entry(
                        hashes.get(i),
                        Math.toIntExact(seeders.get(i).resultNow()),
                        parseLong(downloaded.get(i).resultNow()),
                        Math.toIntExact(leechers.get(i).resultNow())));
              }
              return new ScrapeResult(entries);
            });
  }

  /** The live peers of the swarm {@code infoHash} belongs to, with their last reported counters. */
  public CompletionStage<List<PeerStats>> peersAsync(InfoHash infoHash) {
    InfoHash swarm = whitelist.swarmOf(infoHash);
    if (swarm == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    long cutoff = clock.millis() - settings.peerTimeout().toMillis();
    return redis
        .hgetall(key(swarm, 'i'))
        .thenApply(
            fields -> {
              List<PeerStats> peers = new ArrayList<>(fields.size());
              for (Map.Entry<byte[], byte[]> field : fields.entrySet()) {
                PeerStats stats = decodeStats(field.getKey(), field.getValue());
                if (stats.lastAnnounce().toEpochMilli() >= cutoff) {
                  peers.add(stats);
                }
              }
              return peers;
            });
  }

  /** Blocking form of {@link #peersAsync}, for the moderator endpoint. */
  public List<PeerStats> peers(InfoHash infoHash) {
    return peersAsync(infoHash).toCompletableFuture().join();
  }

  /** The raw key of one part of a swarm: {@code trk:} + 20 hash bytes + {@code :} + kind. */
  static byte[] key(InfoHash swarm, char kind) {
    byte[] hash = swarm.bytes();
    byte[] key = Arrays.copyOf(PREFIX, PREFIX.length + hash.length + 2);
    System.arraycopy(hash, 0, key, PREFIX.length, hash.length);
    key[key.length - 2] = ':';
    key[key.length - 1] = (byte) kind;
    return key;
  }

  private CompletionStage<List<Object>> eval(byte[][] keys, byte[][] args) {
    CompletionStage<List<Object>> first =
        redis.<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args);
    return first
        .handle(
            (reply, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(reply);
              }
              Throwable cause =
                  failure instanceof CompletionException ? failure.getCause() : failure;
              if (cause instanceof RedisNoScriptException) {
                // The server lost its script cache (restart, SCRIPT FLUSH): EVAL loads it again.
                return redis
                    .<List<Object>>eval(script, ScriptOutputType.MULTI, keys, args)
                    .toCompletableFuture();
              }
              return CompletableFuture.<List<Object>>failedFuture(cause);
            })
        .thenCompose(stage -> stage);
  }

  private AnnounceResult toResult(List<Object> reply, int numWant) {
    int complete = Math.toIntExact((Long) reply.get(0));
    int incomplete = Math.toIntExact((Long) reply.get(1));
    long downloaded = (Long) reply.get(2);
    List<Peer> candidates = new ArrayList<>(reply.size() - 3);
    for (int i = 3; i < reply.size(); i++) {
      candidates.add(decodeMember((byte[]) reply.get(i)));
    }
    List<Peer> peers;
    if (candidates.size() <= numWant) {
      Collections.shuffle(candidates, random);
      peers = candidates;
    } else {
      for (int i = 0; i < numWant; i++) {
        Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
      }
      peers = candidates.subList(0, numWant);
    }
    return new AnnounceResult(
        settings.jitteredIntervalSeconds(random),
        (int) settings.minAnnounceInterval().toSeconds(),
        complete,
        incomplete,
        downloaded,
        peers);
  }

  static byte[] addressAndPort(InetAddress address, int port) {
    byte[] ip = address.getAddress();
    byte[] encoded = Arrays.copyOf(ip, ip.length + 2);
    encoded[ip.length] = (byte) (port >>> 8);
    encoded[ip.length + 1] = (byte) port;
    return encoded;
  }

  static Peer decodeMember(byte[] member) {
    if (member.length != IPV4_MEMBER && member.length != IPV6_MEMBER) {
      throw new IllegalStateException("bad swarm member of " + member.length + " bytes");
    }
    PeerId id = PeerId.of(Arrays.copyOf(member, 20));
    InetAddress address = Addresses.fromBytes(Arrays.copyOfRange(member, 20, member.length - 2));
    return new Peer(id, address, port(member, member.length - 2));
  }

  private static PeerStats decodeStats(byte[] peerId, byte[] value) {
    int flags = value[0];
    int addressLength = (flags & 4) != 0 ? 16 : 4;
    InetAddress address = Addresses.fromBytes(Arrays.copyOfRange(value, 1, 1 + addressLength));
    int port = port(value, 1 + addressLength);
    ByteBuffer buffer = ByteBuffer.wrap(value, 3 + addressLength, value.length - 3 - addressLength);
    long uploaded = readVarint(buffer);
    long downloaded = readVarint(buffer);
    long left = readVarint(buffer);
    long lastAnnounce = readVarint(buffer);
    return new PeerStats(
        PeerId.of(peerId),
        address,
        port,
        uploaded,
        downloaded,
        left,
        Instant.ofEpochMilli(lastAnnounce),
        (flags & 1) != 0,
        (flags & 2) != 0);
  }

  /** The counters of a peer as unsigned LEB128 varints: usually 12 to 24 bytes, not 32. */
  static byte[] encodeStats(long uploaded, long downloaded, long left, long lastAnnounceMillis) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * MAX_VARINT);
    writeVarint(buffer, uploaded);
    writeVarint(buffer, downloaded);
    writeVarint(buffer, left);
    writeVarint(buffer, lastAnnounceMillis);
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static void writeVarint(ByteBuffer buffer, long value) {
    long rest = value;
    while ((rest & ~0x7fL) != 0) {
      buffer.put((byte) ((rest & 0x7f) | 0x80));
      rest >>>= 7;
    }
    buffer.put((byte) rest);
  }

  private static long readVarint(ByteBuffer buffer) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = buffer.get();
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static int port(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
  }

  private static byte eventCode(AnnounceEvent event) {
    return switch (event) {
      case STOPPED -> 'x';
      case COMPLETED -> 'c';
      default -> 'n';
    };
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static long parseLong(byte[] value) {
    return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
  }

  private static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
