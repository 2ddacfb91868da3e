package dev.animetracker.tracker.redis;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.swarm.PeerAddress;
import dev.animetracker.tracker.swarm.PeerDirectory;
import dev.animetracker.tracker.swarm.PeerState;
import dev.animetracker.tracker.swarm.SwarmChanges;
import dev.animetracker.tracker.swarm.SwarmView;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The swarms of every instance, shared in Redis. One {@link #sync} call per swarm writes this
 * instance's changes and reads back the shared view, atomically (one Lua script); callers pipeline
 * many such calls. Layout, per swarm key {@code H} (20 raw bytes; see docs/tracker-redis.md), all
 * in one Redis Cluster slot through the hash tag {@code {:H}} (see {@link #key}):
 *
 * <ul>
 *   <li>{@code trk{:H}:p<i>} — hash buckets, peer identity (peer id, 20 bytes, + address, 4 or 16
 *       bytes: the same id from two addresses is two peers) → flags (1 byte: seeder, completed,
 *       IPv6, has key) + last announce (4 bytes, epoch seconds) + port (2 bytes) + uploaded,
 *       downloaded, left (unsigned LEB128 varints) + the BEP 7 key (4 bytes, when it has one).
 *       Script arguments and returned members carry the field's length in a first byte. A peer's
 *       bucket is its id's last two bytes modulo the bucket count, which doubles whenever buckets
 *       average more than {@value #BUCKET_PEERS} peers, so every bucket stays in Redis's compact
 *       listpack encoding (≤ 128 entries): about 50 bytes a peer instead of about 200 with sorted
 *       sets.
 *   <li>{@code trk{:H}:n} — hash: {@code b} bucket count, {@code s} seeders, {@code l} leechers,
 *       {@code c} sweep cursor.
 *   <li>{@code trk{:H}:d} — completed downloads; never expires, so it survives restarts.
 * </ul>
 *
 * <p>Buckets and {@code n} get the peer timeout as TTL on every write, so an idle swarm disappears
 * by itself. Expired peers are removed while the view is read (small swarms) or one bucket per sync
 * (large swarms, which return a random sample of at most {@code sampleSize} peers).
 */
public final class RedisSwarmStore implements PeerDirectory {

  /** Average peers per bucket above which the bucket count doubles; below listpack's 128. */
  static final int BUCKET_PEERS = 96;

  static final String SYNC_SCRIPT =
      """
      local meta, prefix = KEYS[1], KEYS[3]
      local cutoff, ttl = tonumber(ARGV[2]), ARGV[3]
      local cap, delta = tonumber(ARGV[4]), tonumber(ARGV[5])
      local b = tonumber(redis.call('HGET', meta, 'b') or '1')
      local s = tonumber(redis.call('HGET', meta, 's') or '0')
      local l = tonumber(redis.call('HGET', meta, 'l') or '0')
      local function bucket(pid, n)
        return prefix .. ((string.byte(pid, 19) * 256 + string.byte(pid, 20)) % n)
      end
      local function count(v, by)
        if string.byte(v, 1) % 2 == 1 then s = s + by else l = l + by end
      end
      local function stale(v)
        return struct.unpack('>I4', v, 2) < cutoff
      end
      -- Grow before writing (counting every write as new), so no bucket ever holds more than
      -- listpack's limit: Redis never converts a hash back from its large encoding.
      while s + l + #ARGV - 5 > b * BUCKET_PEERS and b < 65536 do
        for i = 0, b - 1 do
          local key = prefix .. i
          local all = redis.call('HGETALL', key)
          for j = 1, #all, 2 do
            local target = bucket(all[j], 2 * b)
            if target ~= key then
              redis.call('HDEL', key, all[j])
              redis.call('HSET', target, all[j], all[j + 1])
            end
          end
        end
        b = 2 * b
      end
      for i = 6, #ARGV do
        local a = ARGV[i]
        local n = string.byte(a, 1)
        local pid = string.sub(a, 2, n + 1)
        local key = bucket(pid, b)
        local old = redis.call('HGET', key, pid)
        if old then count(old, -1) end
        if #a == n + 1 then
          if old then redis.call('HDEL', key, pid) end
        else
          local v = string.sub(a, n + 2)
          redis.call('HSET', key, pid, v)
          count(v, 1)
        end
      end
      local result = {0, 0, 0, 1}
      local function sweep(key, keep)
        local all = redis.call('HGETALL', key)
        for j = 1, #all, 2 do
          if stale(all[j + 1]) then
            redis.call('HDEL', key, all[j])
            count(all[j + 1], -1)
          elseif keep then
            result[#result + 1] = string.char(#all[j]) .. all[j] .. all[j + 1]
          end
        end
      end
      if s + l <= cap then
        for i = 0, b - 1 do sweep(prefix .. i, true) end
      else
        result[4] = 0
        local c = redis.call('HINCRBY', meta, 'c', 1) % b
        sweep(prefix .. c, false)
        local i = c
        while #result - 4 < cap do
          i = (i + 1) % b
          local sample = redis.call('HRANDFIELD', prefix .. i, cap - #result + 4, 'WITHVALUES')
          for j = 1, #sample, 2 do
            if not stale(sample[j + 1]) then
              result[#result + 1] = string.char(#sample[j]) .. sample[j] .. sample[j + 1]
            end
          end
          if i == c then break end
        end
      end
      if s + l > 0 then
        redis.call('HSET', meta, 'b', b, 's', s, 'l', l)
        redis.call('PEXPIRE', meta, ttl)
        for i = 0, b - 1 do redis.call('PEXPIRE', prefix .. i, ttl) end
      else
        redis.call('DEL', meta)
        for i = 0, b - 1 do redis.call('DEL', prefix .. i) end
      end
      if delta > 0 then
        result[3] = redis.call('INCRBY', KEYS[2], delta)
      else
        result[3] = tonumber(redis.call('GET', KEYS[2]) or '0')
      end
      result[1], result[2] = s, l
      return result
      """
          .replace("BUCKET_PEERS", Integer.toString(BUCKET_PEERS));

  private static final byte[] PREFIX = "trk{:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LEGACY_PREFIX = "trk:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LEGACY_MATCH = "trk:*".getBytes(StandardCharsets.US_ASCII);
  private static final String MIGRATE_SCRIPT =
      """
      local count = redis.call('GET', KEYS[1])
      if not count then return 0 end
      redis.call('INCRBY', KEYS[2], count)
      redis.call('DEL', KEYS[1])
      return 1
      """;
  private static final int FLAG_SEEDER = 1;
  private static final int FLAG_COMPLETED = 2;
  private static final int FLAG_IPV6 = 4;
  private static final int FLAG_KEY = 8;
  private static final int MAX_VARINT = 10;

  private final Supplier<RedisClusterAsyncCommands<byte[], byte[]>> connection;
  private final Duration peerTimeout;
  private final InstantSource clock;
  private final int sampleSize;
  private final byte[] script = SYNC_SCRIPT.getBytes(StandardCharsets.UTF_8);
  private final String sha = sha1Hex(script);

  /**
   * @param connection gives a connection with a {@code byte[]} codec ({@link
   *     io.lettuce.core.codec.ByteArrayCodec}), or throws while Redis is unreachable; shared, not
   *     owned
   * @param sampleSize the most peers one sync reads back; larger swarms return a random sample
   */
  public RedisSwarmStore(
      Supplier<RedisClusterAsyncCommands<byte[], byte[]>> connection,
      Duration peerTimeout,
      InstantSource clock,
      int sampleSize) {
    this.connection = connection;
    this.peerTimeout = peerTimeout;
    this.clock = clock;
    this.sampleSize = sampleSize;
  }

  /**
   * Writes a swarm's changes and reads its shared view; Lettuce pipelines concurrent calls on the
   * one connection, so a sync round costs about one round trip however many swarms it covers.
   */
  public CompletionStage<SwarmView> sync(InfoHash swarm, SwarmChanges changes) {
    long now = clock.millis();
    byte[][] keys = {key(swarm, "n"), key(swarm, "d"), key(swarm, "p")};
    List<byte[]> args = new ArrayList<>(5 + changes.upserts().size() + changes.removals().size());
    args.add(ascii(now / 1000));
    args.add(ascii((now - peerTimeout.toMillis()) / 1000));
    args.add(ascii(peerTimeout.toMillis()));
    args.add(ascii(sampleSize));
    args.add(ascii(changes.completed()));
    for (PeerState state : changes.upserts()) {
      args.add(member(state));
    }
    for (PeerAddress id : changes.removals()) {
      args.add(removal(id));
    }
    return eval(keys, args.toArray(byte[][]::new)).thenApply(RedisSwarmStore::toView);
  }

  /**
   * Moves the completed counts of the layout before hash tags ({@code trk:H:d}, kept without TTL)
   * onto their tagged keys, adding to what is counted there already; the other old keys expire with
   * the peer timeout. Atomic per swarm and idempotent (the old key goes in the same script), so
   * instances starting together cannot count a swarm twice. Only for a standalone Redis: the old
   * layout never ran on a Cluster, where the two keys of a swarm live in different slots.
   *
   * @return how many counts were moved
   */
  public int migrateLegacyCompletedCounts(RedisClusterCommands<byte[], byte[]> redis) {
    int moved = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<byte[]> page =
          redis.scan(cursor, ScanArgs.Builder.limit(1000).match(LEGACY_MATCH));
      for (byte[] old : page.getKeys()) {
        if (old.length != LEGACY_PREFIX.length + 20 + 2
            || old[old.length - 2] != ':'
            || old[old.length - 1] != 'd') {
          continue;
        }
        InfoHash swarm =
            InfoHash.of(Arrays.copyOfRange(old, LEGACY_PREFIX.length, LEGACY_PREFIX.length + 20));
        byte[][] keys = {old, key(swarm, "d")};
        Long done = redis.eval(MIGRATE_SCRIPT, ScriptOutputType.INTEGER, keys);
        moved += done == null ? 0 : done.intValue();
      }
      cursor = page;
    } while (!cursor.isFinished());
    return moved;
  }

  /**
   * Every live peer of a swarm as Redis holds it (for moderators; reads all buckets, pipelined).
   * Throws {@link io.lettuce.core.RedisException} while Redis is unreachable.
   */
  @Override
  public List<PeerState> peers(InfoHash swarm) {
    long cutoff = clock.millis() - peerTimeout.toMillis();
    RedisClusterAsyncCommands<byte[], byte[]> redis = connection.get();
    byte[] bucketCount = await(redis.hget(key(swarm, "n"), new byte[] {'b'}));
    int buckets = bucketCount == null ? 1 : Integer.parseInt(ascii(bucketCount));
    List<CompletableFuture<Map<byte[], byte[]>>> reads = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      reads.add(redis.hgetall(key(swarm, "p" + i)).toCompletableFuture());
    }
    List<PeerState> peers = new ArrayList<>();
    for (CompletableFuture<Map<byte[], byte[]>> read : reads) {
      for (Map.Entry<byte[], byte[]> field : await(read).entrySet()) {
        if (!isIdentity(field.getKey().length)) {
          continue;
        }
        PeerState state = decode(field.getKey(), 0, field.getKey().length, field.getValue(), 0);
        if (state.lastAnnounce().toEpochMilli() >= cutoff) {
          peers.add(state);
        }
      }
    }
    return peers;
  }

  /** The reply, or the command's own failure (Lettuce bounds the wait by the command timeout). */
  private static <T> T await(CompletionStage<T> reply) {
    try {
      return reply.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * The raw key of one part of a swarm: {@code trk{:} + 20 hash bytes + {@code }:} + part. The
   * braces make {@code :} + hash the Redis Cluster hash tag, so every key of a swarm lives in one
   * slot; the colon inside keeps the tag non-empty when a hash starts with a {@code }} byte (an
   * empty tag would hash each key whole), and a {@code }} byte inside a hash only shortens the tag,
   * identically for every key of that swarm.
   */
  static byte[] key(InfoHash swarm, String part) {
    byte[] hash = swarm.bytes();
    byte[] suffix = part.getBytes(StandardCharsets.US_ASCII);
    byte[] key = Arrays.copyOf(PREFIX, PREFIX.length + hash.length + 2 + suffix.length);
    System.arraycopy(hash, 0, key, PREFIX.length, hash.length);
    key[PREFIX.length + hash.length] = '}';
    key[PREFIX.length + hash.length + 1] = ':';
    System.arraycopy(suffix, 0, key, PREFIX.length + hash.length + 2, suffix.length);
    return key;
  }

  private CompletionStage<List<Object>> eval(byte[][] keys, byte[][] args) {
    RedisClusterAsyncCommands<byte[], byte[]> redis = connection.get();
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

  private static SwarmView toView(List<Object> reply) {
    List<PeerState> members = new ArrayList<>(reply.size() - 4);
    for (int i = 4; i < reply.size(); i++) {
      byte[] member = (byte[]) reply.get(i);
      int field = member[0];
      if (!isIdentity(field)) {
        continue;
      }
      members.add(decode(member, 1, field, member, 1 + field));
    }
    return new SwarmView(
        Math.toIntExact((Long) reply.get(0)),
        Math.toIntExact((Long) reply.get(1)),
        (Long) reply.get(2),
        (Long) reply.get(3) == 1,
        members);
  }

  /** The field's length, the field (peer id + address), then the value: one upsert argument. */
  static byte[] member(PeerState state) {
    byte[] ip = state.address().getAddress();
    ByteBuffer buffer = ByteBuffer.allocate(1 + 20 + ip.length + 1 + 4 + 2 + 3 * MAX_VARINT + 4);
    buffer.put((byte) (20 + ip.length));
    buffer.put(state.peerId().bytes());
    buffer.put(ip);
    int flags =
        (state.seeder() ? FLAG_SEEDER : 0)
            | (state.completed() ? FLAG_COMPLETED : 0)
            | (ip.length == 16 ? FLAG_IPV6 : 0)
            | (state.key().isPresent() ? FLAG_KEY : 0);
    buffer.put((byte) flags);
    buffer.putInt((int) state.lastAnnounce().getEpochSecond());
    buffer.putShort((short) state.port());
    writeVarint(buffer, state.uploaded());
    writeVarint(buffer, state.downloaded());
    writeVarint(buffer, state.left());
    if (state.key().isPresent()) {
      buffer.putInt(state.key().getAsInt());
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /**
   * Whether a field of this length is a peer identity (id + IPv4 or IPv6 address). The layout
   * before peer identities keyed peers by id alone (20 bytes): such leftovers of an upgrade are
   * skipped, never handed out, and leave Redis with their swarm's TTL or the sweep.
   */
  static boolean isIdentity(int fieldLength) {
    return fieldLength == 24 || fieldLength == 36;
  }

  /** The field's length and the field alone: one removal argument. */
  static byte[] removal(PeerAddress peer) {
    byte[] ip = peer.address().getAddress();
    ByteBuffer buffer = ByteBuffer.allocate(1 + 20 + ip.length);
    buffer.put((byte) (20 + ip.length));
    buffer.put(peer.peerId().bytes());
    buffer.put(ip);
    return buffer.array();
  }

  /**
   * Decodes the field ({@code fieldLength} bytes of {@code field} from {@code fieldOffset}: peer
   * id, address) and the value starting at {@code offset} of {@code bytes}.
   */
  static PeerState decode(
      byte[] field, int fieldOffset, int fieldLength, byte[] bytes, int offset) {
    PeerId peerId = PeerId.of(Arrays.copyOfRange(field, fieldOffset, fieldOffset + 20));
    InetAddress address =
        Addresses.fromBytes(Arrays.copyOfRange(field, fieldOffset + 20, fieldOffset + fieldLength));
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    int flags = buffer.get();
    long lastAnnounce = Integer.toUnsignedLong(buffer.getInt());
    int port = Short.toUnsignedInt(buffer.getShort());
    long uploaded = readVarint(buffer);
    long downloaded = readVarint(buffer);
    long left = readVarint(buffer);
    OptionalInt key =
        (flags & FLAG_KEY) != 0 ? OptionalInt.of(buffer.getInt()) : OptionalInt.empty();
    return new PeerState(
        peerId,
        address,
        port,
        uploaded,
        downloaded,
        left,
        Instant.ofEpochSecond(lastAnnounce),
        (flags & FLAG_COMPLETED) != 0,
        key);
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

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static String ascii(byte[] value) {
    return new String(value, StandardCharsets.US_ASCII);
  }

  private static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
