package dev.animetracker.gateway;

import dev.animetracker.common.session.SessionState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything of ours the gateway is configured with ({@code animetracker.gateway.*}).
 *
 * @param services base URLs of the downstream services
 * @param jwt how access tokens are checked
 * @param timeouts downstream timeouts (the circuit breakers' time limiters follow them)
 * @param requestSize request body limits
 * @param session browser session cookies
 * @param rateLimit per-minute limits of the sensitive authentication endpoints
 * @param trustedProxies addresses or CIDR networks ({@code 10.0.0.0/8}) whose {@code
 *     X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code Forwarded} are believed
 * @param sessions revocation and ban checks of access tokens, refresh sharing, HSTS
 */
@Validated
@ConfigurationProperties("animetracker.gateway")
public record GatewayProperties(
    @Valid @NotNull Services services,
    @Valid @NotNull Jwt jwt,
    @Valid @NotNull Timeouts timeouts,
    @Valid @NotNull RequestSize requestSize,
    @Valid @NotNull Session session,
    @Valid @NotNull RateLimit rateLimit,
    @DefaultValue List<String> trustedProxies,
    @Valid @DefaultValue Sessions sessions) {

  /** Downstream base URLs. */
  public record Services(
      @NotNull URI userService,
      @NotNull URI torrentService,
      @NotNull URI searchService,
      @NotNull URI trackerService,
      @NotNull URI notificationService) {}

  /** Access token validation. */
  public record Jwt(@NotBlank String issuer, @NotNull URI jwksUri) {}

  /** Downstream timeouts. */
  public record Timeouts(
      @DefaultValue("2s") Duration connect,
      @DefaultValue("10s") Duration response,
      @DefaultValue("60s") Duration uploadResponse) {}

  /**
   * Request body limits: {@code POST /api/torrents} gets the upload limit, the rest the default.
   */
  public record RequestSize(
      @DefaultValue("1MB") DataSize defaultLimit, @DefaultValue("11MB") DataSize uploadLimit) {}

  /** Session cookies. */
  public record Session(@DefaultValue("30d") Duration refreshCookieMaxAge) {}

  /**
   * Allowed attempts per minute. IP limits count IPv6 clients per /64 (one customer's network).
   *
   * @param keyPrefix prefix of the Redis keys (lets tests and several gateways share a Redis)
   * @param verificationResendPerIp mails of a new verification link asked for from one IP
   * @param verificationResendPerEmail the same for one address (user-service adds an hourly cap)
   * @param mediaPerIp images one client may load through the image proxy ({@code /media/image})
   */
  public record RateLimit(
      @DefaultValue("gw") @NotBlank String keyPrefix,
      @DefaultValue("10") @Min(1) int loginPerIp,
      @DefaultValue("5") @Min(1) int loginPerAccount,
      @DefaultValue("5") @Min(1) int registerPerIp,
      @DefaultValue("5") @Min(1) int passwordResetPerIp,
      @DefaultValue("5") @Min(1) int passwordResetPerEmail,
      @DefaultValue("5") @Min(1) int verificationResendPerIp,
      @DefaultValue("3") @Min(1) int verificationResendPerEmail,
      @DefaultValue("300") @Min(1) int mediaPerIp) {}

  /**
   * Sessions beyond the signature of a token (docs/security.md, "Sessions, bans and tokens").
   *
   * @param keyPrefix prefix of the per-user session state user-service writes to Redis (must equal
   *     user-service's {@code animetracker.users.session-state-key-prefix})
   * @param stateCacheTtl how long one gateway reuses a user's state read from Redis; bounds how
   *     late a ban or revocation takes effect (at most 10 s)
   * @param stateCacheSize users whose state one gateway keeps at most (the cache is emptied when
   *     full)
   * @param hstsMaxAge {@code max-age} of the HSTS header sent over HTTPS
   */
  public record Sessions(
      @DefaultValue(SessionState.DEFAULT_KEY_PREFIX) @NotBlank String keyPrefix,
      @DefaultValue("2s") @NotNull Duration stateCacheTtl,
      @DefaultValue("100000") @Min(1) int stateCacheSize,
      @DefaultValue("365d") @NotNull Duration hstsMaxAge) {

    public Sessions {
      if (stateCacheTtl != null
          && (stateCacheTtl.isNegative() || stateCacheTtl.compareTo(Duration.ofSeconds(10)) > 0)) {
        throw new IllegalArgumentException(
            "animetracker.gateway.sessions.state-cache-ttl must be between 0 and 10s");
      }
    }
  }
}
