package dev.animetracker.common.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway must know about a user beyond a signed access token, kept in the Redis hash
 * {@code <prefix><userId>}.
 *
 * <p>{@code version} grows whenever the user's existing access tokens must stop working (logout,
 * password reset, role change, ban); a token whose {@code ver} claim is lower is refused. {@code
 * banned} marks a ban, which ends at {@code bannedUntil} or never when that is {@code null}.
 *
 * @param version the current session version (0 for a user who never had one bumped)
 * @param banned whether a ban was set
 * @param bannedUntil when the ban ends by itself, {@code null} for an indefinite ban
 */
public record SessionState(long version, boolean banned, @Nullable Instant bannedUntil) {

  /** Default key prefix, shared by user-service (writer) and the gateway (reader). */
  public static final String DEFAULT_KEY_PREFIX = "animetracker:session:";

  /** The access-token claim that carries the session version. */
  public static final String VERSION_CLAIM = "ver";

  /** Hash field: the session version. */
  public static final String VERSION_FIELD = "ver";

  /**
   * Hash field: the ban's end in epoch seconds, {@code 0} for indefinite; absent when not banned.
   */
  public static final String BANNED_UNTIL_FIELD = "bannedUntil";

  /** The state of a user nothing was ever recorded for. */
  public static final SessionState NONE = new SessionState(0, false, null);

  public SessionState {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    if (!banned && bannedUntil != null) {
      throw new IllegalArgumentException("bannedUntil without a ban");
    }
  }

  /** The Redis key of a user's state. */
  public static String key(String prefix, long userId) {
    return prefix + userId;
  }

  /** Whether the ban is in force at {@code now} (an expired ban no longer counts). */
  public boolean bannedAt(Instant now) {
    return banned && (bannedUntil == null || now.isBefore(bannedUntil));
  }

  /**
   * Whether an access token with this {@code ver} claim was issued before the last bump; tokens
   * without the claim count as version 0.
   */
  public boolean revokes(long tokenVersion) {
    return tokenVersion < version;
  }

  /** The hash fields to write; {@link #BANNED_UNTIL_FIELD} is absent when not banned. */
  public Map<String, String> toHash() {
    Map<String, String> hash = new HashMap<>();
    hash.put(VERSION_FIELD, Long.toString(version));
    if (banned) {
      hash.put(
          BANNED_UNTIL_FIELD,
          bannedUntil == null ? "0" : Long.toString(bannedUntil.getEpochSecond()));
    }
    return hash;
  }

  /**
   * Reads the two fields as Redis returned them (either may be {@code null}). Garbage reads as
   * version 0 / not banned, so a corrupt entry can neither lock everybody out nor crash a request.
   */
  public static SessionState fromFields(@Nullable String version, @Nullable String bannedUntil) {
    long parsedVersion = parse(version);
    if (bannedUntil == null || parse(bannedUntil) < 0) {
      return new SessionState(Math.max(parsedVersion, 0), false, null);
    }
    long until = parse(bannedUntil);
    return new SessionState(
        Math.max(parsedVersion, 0), true, until == 0 ? null : Instant.ofEpochSecond(until));
  }

  private static long parse(@Nullable String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
