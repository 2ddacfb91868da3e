package dev.animetracker.user;

import dev.animetracker.common.session.SessionState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
 * @param verificationTokenTtl lifetime of an e-mail verification token
 * @param resetTokenTtl lifetime of a password reset token
 * @param passwordResetPollInterval how often queued reset requests are processed
 * @param redisKeyPrefix prefix of every Redis key this service writes
 * @param admin the bootstrap moderator account
 * @param sessionStateKeyPrefix prefix of the per-user session state the gateway reads (must equal
 *     the gateway's {@code animetracker.gateway.sessions.key-prefix})
 */
@Validated
@ConfigurationProperties("animetracker.users")
public record UsersProperties(
    @NotNull @Valid Jwt jwt,
    @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
    @DefaultValue("24h") @NotNull Duration verificationTokenTtl,
    @DefaultValue("1h") @NotNull Duration resetTokenTtl,
    @DefaultValue("1s") @NotNull Duration passwordResetPollInterval,
    @DefaultValue("user-service:") @NotBlank String redisKeyPrefix,
    @NotNull @Valid Admin admin,
    @DefaultValue(SessionState.DEFAULT_KEY_PREFIX) @NotBlank String sessionStateKeyPrefix) {

  /**
   * @param issuer the {@code iss} claim written and required
   * @param accessTokenTtl lifetime of an access token
   */
  public record Jwt(
      @DefaultValue("animetracker") @NotBlank String issuer,
      @DefaultValue("15m") @NotNull Duration accessTokenTtl) {}

  /**
   * @param username name of the bootstrap moderator
   * @param email its e-mail address (used only when the account is created)
   * @param password its password ({@code ADMIN_PASSWORD})
   */
  public record Admin(
      @DefaultValue("admin") @NotBlank String username,
      @DefaultValue("admin@localhost.localdomain") @NotBlank @Email String email,
      @NotBlank @Size(min = 8, max = 128) String password) {}
}
