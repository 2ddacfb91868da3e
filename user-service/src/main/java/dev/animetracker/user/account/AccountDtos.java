package dev.animetracker.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response bodies of the account endpoints. */
final class AccountDtos {

  private AccountDtos() {}

  /** POST /api/auth/register. */
  public record RegisterRequest(
      @NotBlank @ValidUsername String username,
      @NotBlank @ValidEmail String email,
      @NotNull @Size(min = 8, max = 128) String password,
      @Pattern(regexp = "ru|en", message = "must be 'ru' or 'en'") String locale) {}

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
      boolean trusted,
      long uploadCount,
      long downloadCount,
      String locale) {

    static Me of(User user) {
      return new Me(
          user.getId(),
          user.getUsername(),
          user.getEmail(),
          user.getCreatedAt(),
          user.isActive(),
          user.isModerator(),
          user.isTrusted(),
          user.getUploadCount(),
          user.getDownloadCount(),
          user.getLocale());
    }
  }

  /**
   * GET /api/users/{username}: what anyone may see. {@code banned} is whether a ban is in force
   * now; {@code bannedUntil} its end (null for none or an indefinite ban); {@code trusted} whether
   * moderators marked the account trusted (its uploads are flagged).
   */
  public record PublicProfile(
      long id,
      String username,
      Instant createdAt,
      boolean moderator,
      boolean trusted,
      long uploadCount,
      long downloadCount,
      boolean banned,
      Instant bannedUntil) {

    static PublicProfile of(User user) {
      boolean banned = user.isBannedAt(Instant.now());
      return new PublicProfile(
          user.getId(),
          user.getUsername(),
          user.getCreatedAt(),
          user.isModerator(),
          user.isTrusted(),
          user.getUploadCount(),
          user.getDownloadCount(),
          banned,
          banned ? user.getBannedUntil() : null);
    }
  }

  /**
   * PUT /api/users/{username}/ban: {@code reason} is required when banning; {@code until} (future,
   * optional) ends the ban by itself.
   */
  public record BanRequest(
      @NotNull Boolean banned, @Size(max = 500) String reason, Instant until) {}

  /** PUT /api/users/{username}/moderator. */
  public record ModeratorRequest(@NotNull Boolean moderator) {}

  /** PUT /api/users/{username}/trusted. */
  public record TrustedRequest(@NotNull Boolean trusted) {}
}
