package dev.animetracker.common.user;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service reaches user-service's internal API ({@code animetracker.user-service.*}): contact
 * details of users and the owners of API keys. Short timeouts, so a slow user-service cannot stall
 * a listener or a request for long.
 *
 * @param url base URL of user-service ({@code USER_SERVICE_URL}), e.g. {@code
 *     http://127.0.0.1:8081}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the answer
 * @param keyCacheTtl how long a valid API key is believed without asking again; {@code 0s} (the
 *     default) asks every time, so a rotated key stops working at once
 * @param keyCacheSize at most this many valid keys are remembered
 */
@Validated
@ConfigurationProperties("animetracker.user-service")
public record UserServiceProperties(
    @DefaultValue("http://127.0.0.1:8081") @NotBlank @Pattern(regexp = "https?://.+") String url,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("5s") @NotNull Duration readTimeout,
    @DefaultValue("0s") @NotNull Duration keyCacheTtl,
    @DefaultValue("10000") @Min(1) @Max(1_000_000) int keyCacheSize) {

  /**
   * Settings without a key cache, as torrent-service and notification-service use them (a factory,
   * not a constructor: a second constructor would hide the binding one).
   */
  public static UserServiceProperties withoutKeyCache(
      String url, Duration connectTimeout, Duration readTimeout) {
    return new UserServiceProperties(url, connectTimeout, readTimeout, Duration.ZERO, 10_000);
  }

  /** Whether valid API keys are cached at all. */
  public boolean cachesKeys() {
    return keyCacheTtl.isPositive();
  }
}
