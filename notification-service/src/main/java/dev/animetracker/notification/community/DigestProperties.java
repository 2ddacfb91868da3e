package dev.animetracker.notification.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When daily digests go out ({@code animetracker.notification.digest.*}).
 *
 * @param period a user's digest is due once their oldest unsent item is this old ({@code
 *     DIGEST_PERIOD}; ISO-8601 like {@code P1D} or Spring's {@code 15s}); at least one second
 * @param pollInterval how often due digests are looked for ({@code DIGEST_POLL_INTERVAL}); the
 *     worker actually looks at least four times per period (see {@link #effectivePollInterval})
 * @param maxItems the most releases one digest lists; older ones first, the rest go in the next
 * @param batchSize the most digests one worker round sends
 */
@Validated
@ConfigurationProperties("animetracker.notification.digest")
public record DigestProperties(
    @DefaultValue("P1D") @NotNull Duration period,
    @DefaultValue("1m") @NotNull Duration pollInterval,
    @DefaultValue("200") @Min(1) @Max(1000) int maxItems,
    @DefaultValue("50") @Min(1) int batchSize) {

  public DigestProperties {
    if (period.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("digest.period must be at least 1s, not " + period);
    }
    if (pollInterval.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException("digest.poll-interval must be at least 10ms");
    }
  }

  /**
   * The poll interval, but at most a quarter of the period: with a short period (the system test's
   * 15 s) a digest is never later than that quarter.
   */
  public Duration effectivePollInterval() {
    Duration quarter = period.dividedBy(4);
    return pollInterval.compareTo(quarter) <= 0 ? pollInterval : quarter;
  }
}
