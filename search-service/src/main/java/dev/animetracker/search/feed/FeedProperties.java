package dev.animetracker.search.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the RSS and Torznab feeds ({@code animetracker.feed.*}). API keys are checked through
 * common's user-service client ({@code animetracker.user-service.*}, see {@link
 * FeedConfiguration}).
 *
 * @param publicBaseUrl the site's public address ({@code PUBLIC_BASE_URL}); every link in a feed
 *     starts with it
 * @param siteName shown as the feed and Torznab server title
 */
@Validated
@ConfigurationProperties("animetracker.feed")
public record FeedProperties(
    @DefaultValue("http://localhost:8080") @NotBlank @Pattern(regexp = "https?://[^\\s?#]+")
        String publicBaseUrl,
    @DefaultValue("AnimeTracker") @NotBlank String siteName) {

  /** The base URL without a trailing slash, so paths can be appended. */
  public String baseUrl() {
    return publicBaseUrl.endsWith("/")
        ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }
}
