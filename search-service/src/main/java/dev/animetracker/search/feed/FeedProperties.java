package dev.animetracker.search.feed;

import jakarta.validation.Valid;
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
 * Settings of the RSS and Torznab feeds ({@code animetracker.feed.*}).
 *
 * @param publicBaseUrl the site's public address ({@code PUBLIC_BASE_URL}); every link in a feed
 *     starts with it
 * @param siteName shown as the feed and Torznab server title
 * @param userService how API keys are checked
 */
@Validated
@ConfigurationProperties("animetracker.feed")
public record FeedProperties(
    @DefaultValue("http://localhost:8080") @NotBlank @Pattern(regexp = "https?://[^\\s?#]+")
        String publicBaseUrl,
    @DefaultValue("AnimeTracker") @NotBlank String siteName,
    @DefaultValue @NotNull @Valid UserService userService) {

  /**
   * user-service's internal key lookup and the cache in front of it.
   *
   * @param url base URL of user-service ({@code USER_SERVICE_URL})
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for the answer
   * @param keyCacheTtl how long a valid key is believed without asking again (a rotated key keeps
   *     working in feeds for at most this long)
   * @param keyCacheSize at most this many valid keys are remembered
   */
  public record UserService(
      @DefaultValue("http://127.0.0.1:8081") @NotBlank @Pattern(regexp = "https?://.+") String url,
      @DefaultValue("2s") @NotNull Duration connectTimeout,
      @DefaultValue("5s") @NotNull Duration readTimeout,
      @DefaultValue("60s") @NotNull Duration keyCacheTtl,
      @DefaultValue("10000") @Min(1) @Max(1_000_000) int keyCacheSize) {}

  /** The base URL without a trailing slash, so paths can be appended. */
  public String baseUrl() {
    return publicBaseUrl.endsWith("/")
        ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }
}
