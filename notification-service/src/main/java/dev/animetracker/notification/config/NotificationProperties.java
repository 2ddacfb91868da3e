package dev.animetracker.notification.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification service.
 *
 * @param publicBaseUrl the site address users see, the base of every link in a mail
 * @param from the sender, e.g. {@code AnimeTracker <no-reply@animetracker.local>}
 * @param pollInterval how often the delivery worker looks for due mail
 * @param batchSize the most mails one worker round sends
 * @param initialBackoff the pause after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest pause between two attempts
 * @param maxAttempts attempts after which a mail is given up (FAILED)
 */
@Validated
@ConfigurationProperties("animetracker.notification")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080") @NotBlank @Pattern(regexp = "https?://.+")
        String publicBaseUrl,
    @DefaultValue("AnimeTracker <no-reply@animetracker.local>") @NotBlank String from,
    @DefaultValue("1s") @NotNull Duration pollInterval,
    @DefaultValue("20") @Min(1) int batchSize,
    @DefaultValue("5s") @NotNull Duration initialBackoff,
    @DefaultValue("15m") @NotNull Duration maxBackoff,
    @DefaultValue("40") @Min(1) int maxAttempts) {

  /** An absolute link on the public site: {@code path} is appended to the base URL. */
  public String link(String path) {
    String base =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    return base + path;
  }
}
