package dev.animetracker.user;

import dev.animetracker.common.session.SessionState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the user service ({@code animetracker.users.*}).
 *
 * @param jwt access token signing
 * @param refreshTokenTtl lifetime of a refresh token (sliding: every rotation starts a new one)
 * @param refreshReuseGrace how long after its rotation a refresh token may be presented again and
 *     still rotate (concurrent refreshes through different gateways); later use is theft and
 *     revokes its family
 * @param verificationTokenTtl lifetime of an e-mail verification token
 * @param resetTokenTtl lifetime of a password reset token
 * @param passwordResetPollInterval how often queued reset requests are processed
 * @param redisKeyPrefix prefix of every Redis key this service writes
 * @param admin the bootstrap moderator account
 * @param passwordHashing Argon2id parameters and the bound on concurrent hashes
 * @param mailThrottle how often a verification or reset link may be mailed to one account
 * @param sessionStateKeyPrefix prefix of the per-user session state the gateway reads (must equal
 *     the gateway's {@code animetracker.gateway.sessions.key-prefix})
 */
@Validated
@ConfigurationProperties("animetracker.users")
public record UsersProperties(
    @NotNull @Valid Jwt jwt,
    @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
    @DefaultValue("30s") @NotNull Duration refreshReuseGrace,
    @DefaultValue("24h") @NotNull Duration verificationTokenTtl,
    @DefaultValue("1h") @NotNull Duration resetTokenTtl,
    @DefaultValue("1s") @NotNull Duration passwordResetPollInterval,
    @DefaultValue("user-service:") @NotBlank String redisKeyPrefix,
    @NotNull @Valid Admin admin,
    @DefaultValue @NotNull @Valid PasswordHashing passwordHashing,
    @DefaultValue @NotNull @Valid MailThrottle mailThrottle,
    @DefaultValue(SessionState.DEFAULT_KEY_PREFIX) @NotBlank String sessionStateKeyPrefix) {

  /**
   * @param issuer the {@code iss} claim written and required
   * @param accessTokenTtl lifetime of an access token
   * @param keyRefresh how often each instance re-reads the signing keys (a rotated-in key is
   *     published, and later signs, without a restart)
   * @param nextKeyLead how long a new ("next") key is only published before it signs: longer than
   *     {@code keyRefresh} plus the JWKS cache (5 min), so every verifier knows it first
   */
  public record Jwt(
      @DefaultValue("animetracker") @NotBlank String issuer,
      @DefaultValue("15m") @NotNull Duration accessTokenTtl,
      @DefaultValue("1m") @NotNull Duration keyRefresh,
      @DefaultValue("10m") @NotNull Duration nextKeyLead) {}

  /**
   * @param username name of the bootstrap moderator
   * @param email its e-mail address (used only when the account is created)
   * @param password its password ({@code ADMIN_PASSWORD})
   */
  public record Admin(
      @DefaultValue("admin") @NotBlank String username,
      @DefaultValue("admin@localhost.localdomain") @NotBlank @Email String email,
      @NotBlank @Size(min = 8, max = 128) String password) {}

  /**
   * Argon2id cost and how many hashes may run at once. Each hash holds {@code memoryKib} of heap
   * for its whole run, so the number of concurrent hashes is what bounds the memory an attacker can
   * make us spend: {@code min(maxConcurrent, heapShare * max heap / memory per hash)}, at least
   * one.
   *
   * @param memoryKib Argon2 memory per hash in KiB (OWASP minimum: 19456 with 2 iterations)
   * @param iterations Argon2 passes over the memory
   * @param parallelism Argon2 lanes
   * @param maxConcurrent upper bound of concurrent hashes whatever the heap
   * @param heapShare share of the maximum heap that hashing may hold at once
   * @param acquireTimeout how long a request waits for a free slot before it is refused with 503
   * @param retryAfter the {@code Retry-After} of that refusal
   */
  public record PasswordHashing(
      @DefaultValue("19456") @Min(7168) @Max(1048576) int memoryKib,
      @DefaultValue("2") @Min(1) @Max(10) int iterations,
      @DefaultValue("1") @Min(1) @Max(16) int parallelism,
      @DefaultValue("8") @Min(1) @Max(256) int maxConcurrent,
      @DefaultValue("0.25") @DecimalMin("0.01") @DecimalMax("0.9") double heapShare,
      @DefaultValue("2s") @NotNull Duration acquireTimeout,
      @DefaultValue("2s") @NotNull Duration retryAfter) {

    /**
     * OWASP Password Storage Cheat Sheet: m=47104 t=1, m=19456 t=2, m=12288 t=3, m=9216 t=4 or
     * m=7168 t=5 (KiB, p=1) are equivalent minimums; anything weaker is refused at start-up.
     */
    @AssertTrue(message = "Argon2 parameters below the OWASP minimum")
    public boolean isAtLeastOwaspMinimum() {
      int required =
          switch (Math.min(iterations, 5)) {
            case 1 -> 47104;
            case 2 -> 19456;
            case 3 -> 12288;
            case 4 -> 9216;
            default -> 7168;
          };
      return memoryKib >= required;
    }
  }

  /**
   * Limits on mailing links (verification resends and password resets) to one account, whatever the
   * gateway lets through: a request beyond them is answered exactly like one that mails.
   *
   * @param minInterval least time between two links of one kind to one account
   * @param maxPerHour most links of one kind to one account in any hour
   */
  public record MailThrottle(
      @DefaultValue("1m") @NotNull Duration minInterval,
      @DefaultValue("5") @Min(1) @Max(100) int maxPerHour) {}
}
