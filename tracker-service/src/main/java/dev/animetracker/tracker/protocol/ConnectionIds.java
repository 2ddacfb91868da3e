package dev.animetracker.tracker.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Stateless BEP 15 connection ids: nothing is stored per client. An id is a SipHash-2-4 MAC of the
 * client's address, port and the current two-minute time bucket, keyed with a secret, with the low
 * byte replaced by the bucket's low byte. An id is accepted in its own bucket and the next one, so
 * it lives between two and four minutes (BEP 15 asks clients to reuse an id for up to one minute
 * and trackers to accept it for two). Forging one means guessing 56 MAC bits for a given address;
 * instances that share the key accept each other's ids.
 */
public final class ConnectionIds {

  /** The length of a time bucket. */
  public static final Duration BUCKET = Duration.ofMinutes(2);

  private static final long BUCKET_MILLIS = BUCKET.toMillis();
  private static final long BUCKET_BITS = 0xffL;

  private final long k0;
  private final long k1;
  private final InstantSource clock;

  private ConnectionIds(byte[] key, InstantSource clock) {
    if (key.length != 16) {
      throw new IllegalArgumentException("the key has 16 bytes, got " + key.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
    this.k0 = buffer.getLong();
    this.k1 = buffer.getLong();
    this.clock = clock;
  }

  /** A fresh random key: ids are valid only for this instance. */
  public static ConnectionIds withRandomKey(InstantSource clock) {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    return new ConnectionIds(key, clock);
  }

  /** A raw 16-byte key. */
  public static ConnectionIds withKey(byte[] key, InstantSource clock) {
    return new ConnectionIds(key.clone(), clock);
  }

  /**
   * A key derived from a configured secret, so that every instance behind one address accepts ids
   * issued by the others. The secret should carry at least 128 bits of entropy.
   */
  public static ConnectionIds withSecret(String secret, InstantSource clock) {
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the connection id secret is blank");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("bep15-connection-id:" + secret).getBytes(StandardCharsets.UTF_8));
      byte[] key = new byte[16];
      System.arraycopy(digest, 0, key, 0, 16);
      return new ConnectionIds(key, clock);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A connection id for {@code client}, valid for at least {@link #BUCKET}. */
  public long issue(InetSocketAddress client) {
    long bucket = currentBucket();
    return idFor(bucket, client);
  }

  /** Whether {@code connectionId} was issued to {@code client} within the last 2-4 minutes. */
  public boolean isValid(long connectionId, InetSocketAddress client) {
    if (client.getAddress() == null) {
      return false;
    }
    long now = currentBucket();
    // Two consecutive buckets differ in their low byte, so at most one MAC is computed.
    long bucket = (now & BUCKET_BITS) == (connectionId & BUCKET_BITS) ? now : now - 1;
    return (bucket & BUCKET_BITS) == (connectionId & BUCKET_BITS)
        && idFor(bucket, client) == connectionId;
  }

  private long currentBucket() {
    return Math.floorDiv(clock.millis(), BUCKET_MILLIS);
  }

  private long idFor(long bucket, InetSocketAddress client) {
    InetAddress address = client.getAddress();
    if (address == null) {
      throw new IllegalArgumentException("unresolved address: " + client);
    }
    byte[] ip = Addresses.normalize(address).getAddress();
    long port = client.getPort() & 0xffffL;
    long mac;
    if (ip.length == 4) {
      long ipv4 = ByteBuffer.wrap(ip).getInt() & 0xffffffffL;
      mac = sipHash24(k0, k1, bucket, 4L << 56 | ipv4 << 16 | port, 0, 0, 2);
    } else {
      ByteBuffer buffer = ByteBuffer.wrap(ip);
      mac = sipHash24(k0, k1, bucket, buffer.getLong(), buffer.getLong(), 6L << 56 | port, 4);
    }
    return (mac & ~BUCKET_BITS) | (bucket & BUCKET_BITS);
  }

  /**
   * SipHash-2-4 of the message made of {@code words} little-endian 64-bit words ({@code m0} ...).
   */
  static long sipHash24(long k0, long k1, long m0, long m1, long m2, long m3, int words) {
    long v0 = k0 ^ 0x736f6d6570736575L;
    long v1 = k1 ^ 0x646f72616e646f6dL;
    long v2 = k0 ^ 0x6c7967656e657261L;
    long v3 = k1 ^ 0x7465646279746573L;
    for (int i = 0; i <= words; i++) {
      long m =
          switch (i == words ? -1 : i) {
            case 0 -> m0;
            case 1 -> m1;
            case 2 -> m2;
            case 3 -> m3;
            default -> (long) words * 8 << 56;
          };
      v3 ^= m;
      for (int round = 0; round < 2; round++) {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
      }
      v0 ^= m;
    }
    v2 ^= 0xff;
    for (int round = 0; round < 4; round++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }
}
