package dev.animetracker.torrent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the torrent service ({@code animetracker.torrents.*}).
 *
 * @param legacyStorageDir the directory where versions before {@code torrent_file} kept the
 *     .torrent files ({@code TORRENT_LEGACY_STORAGE_DIR}, else the old {@code
 *     TORRENT_STORAGE_DIR}); read once at start-up by the legacy import, absent or null when there
 *     is nothing to import
 * @param maxTorrentSize largest accepted .torrent file (413 above)
 * @param maxFiles most files in an accepted .torrent; also sizes the bencode decoder's value budget
 *     (20 values per file), which bounds the memory an upload can cost
 * @param announceUrls our tracker's announce URLs, HTTP first then UDP ({@code
 *     TRACKER_ANNOUNCE_URLS}); they form the first tier of every downloaded .torrent
 * @param jwt how access tokens are checked
 * @param text limits of the Markdown texts users write (descriptions, comments)
 * @param quotas per-account write limits (uploads, comments)
 */
@Validated
@ConfigurationProperties("animetracker.torrents")
public record TorrentsProperties(
    @Nullable Path legacyStorageDir,
    @DefaultValue("10MB") @NotNull DataSize maxTorrentSize,
    @DefaultValue("20000") @Min(1) @Max(100_000) int maxFiles,
    @DefaultValue({"http://localhost:6969/announce", "udp://localhost:6969/announce"}) @NotEmpty
        List<@NotBlank String> announceUrls,
    @NotNull @Valid Jwt jwt,
    @DefaultValue @NotNull @Valid Text text,
    @DefaultValue @NotNull @Valid Quotas quotas) {

  /**
   * @param maxDepth deepest nesting of a Markdown document tree (quotes, lists, emphasis, links);
   *     deeper texts are refused with {@code TooDeep}. Bounded above so that rendering can never
   *     exhaust a thread's stack.
   */
  public record Text(@DefaultValue("32") @Min(4) @Max(128) int maxDepth) {}

  /**
   * Per-account write limits, counted in the database so every instance sees the same counts.
   *
   * @param uploadsPerHour burst limit of uploads
   * @param uploadsPerDay uploads in any 24 hours
   * @param commentsPerMinute burst limit of comments
   * @param commentsPerDay comments in any 24 hours
   * @param newAccountAge an account first seen by this service less than this long ago is new
   * @param newAccountUploadsPerDay uploads in 24 hours for a new account
   * @param newAccountCommentsPerDay comments in 24 hours for a new account
   * @param seriesPerHour burst limit of series created by hand ({@code POST /api/series})
   * @param seriesPerDay series created by hand in any 24 hours
   * @param reportsPerHour burst limit of reports (torrents and comments together)
   * @param reportsPerDay reports in any 24 hours
   */
  public record Quotas(
      @DefaultValue("10") @Min(1) int uploadsPerHour,
      @DefaultValue("50") @Min(1) int uploadsPerDay,
      @DefaultValue("10") @Min(1) int commentsPerMinute,
      @DefaultValue("200") @Min(1) int commentsPerDay,
      @DefaultValue("24h") @NotNull Duration newAccountAge,
      @DefaultValue("10") @Min(0) int newAccountUploadsPerDay,
      @DefaultValue("50") @Min(0) int newAccountCommentsPerDay,
      @DefaultValue("10") @Min(1) int seriesPerHour,
      @DefaultValue("30") @Min(1) int seriesPerDay,
      @DefaultValue("20") @Min(1) int reportsPerHour,
      @DefaultValue("100") @Min(1) int reportsPerDay) {}

  /**
   * @param issuer the required {@code iss} claim ({@code JWT_ISSUER})
   * @param jwksUri where user-service publishes its public keys ({@code JWKS_URI})
   */
  public record Jwt(@DefaultValue("animetracker") @NotBlank String issuer, @NotNull URI jwksUri) {}

  /** The announce URLs trimmed, blanks dropped. */
  public List<String> trackers() {
    return announceUrls.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
  }
}
