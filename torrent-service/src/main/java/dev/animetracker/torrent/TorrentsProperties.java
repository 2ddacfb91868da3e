package dev.animetracker.torrent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the torrent service ({@code animetracker.torrents.*}).
 *
 * @param storageDir root of the stored .torrent files ({@code TORRENT_STORAGE_DIR})
 * @param maxTorrentSize largest accepted .torrent file (413 above)
 * @param announceUrls our tracker's announce URLs, HTTP first then UDP ({@code
 *     TRACKER_ANNOUNCE_URLS}); they form the first tier of every downloaded .torrent
 * @param reconcileInterval how often the storage reconciler compares files and rows
 * @param orphanTempAge temp files older than this are deleted by the reconciler
 * @param jwt how access tokens are checked
 */
@Validated
@ConfigurationProperties("animetracker.torrents")
public record TorrentsProperties(
    @DefaultValue("var/storage") @NotNull Path storageDir,
    @DefaultValue("10MB") @NotNull DataSize maxTorrentSize,
    @DefaultValue({"http://localhost:6969/announce", "udp://localhost:6969/announce"}) @NotEmpty
        List<@NotBlank String> announceUrls,
    @DefaultValue("10m") @NotNull Duration reconcileInterval,
    @DefaultValue("1h") @NotNull Duration orphanTempAge,
    @NotNull @Valid Jwt jwt) {

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
