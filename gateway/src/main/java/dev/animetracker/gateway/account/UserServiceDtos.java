package dev.animetracker.gateway.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The user-service bodies the gateway reads or sends. */
public final class UserServiceDtos {

  private UserServiceDtos() {}

  /** An access/refresh token pair from login or refresh. */
  public record TokenPair(
      String accessToken, String refreshToken, String tokenType, long expiresIn) {}

  /** 201 answer of a registration. */
  public record Registered(long id, String username, String email) {}

  /** GET /api/users/me. */
  public record Me(
      long id,
      String username,
      String email,
      Instant createdAt,
      boolean active,
      boolean moderator,
      long uploadCount,
      long downloadCount,
      String locale) {}

  /** GET /api/users/{username}; {@code trusted} is absent from a user-service that predates it. */
  public record PublicProfile(
      long id,
      String username,
      Instant createdAt,
      boolean moderator,
      @Nullable Boolean trusted,
      long uploadCount,
      long downloadCount,
      @Nullable Boolean banned,
      @Nullable Instant bannedUntil) {

    /** A ban is in force now ({@code banned} absent from older answers reads as not banned). */
    public boolean isBanned() {
      return Boolean.TRUE.equals(banned);
    }

    /** Marked trusted by the moderators: the account's uploads are flagged. */
    public boolean isTrusted() {
      return Boolean.TRUE.equals(trusted);
    }
  }

  /** POST /api/users/me/api-key: the new key, the only time it is shown. */
  public record ApiKey(String apiKey) {}

  /**
   * GET /api/users/me/api-key: whether there is a key and since when; the key itself only in the
   * answer that made the first one.
   */
  public record ApiKeyStatus(
      boolean exists, @Nullable Instant createdAt, @Nullable String apiKey) {}

  /** GET/PUT /api/users/me/preferences. */
  public record Preferences(boolean notifyOnComment) {}
}
