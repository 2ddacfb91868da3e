package dev.animetracker.search.watch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Follows, saved searches and release matching ({@code animetracker.search.watch.*}).
 *
 * @param maxPerUser most watches (follows and saved searches together) one user may hold
 * @param rematchWindow a {@code torrent.updated} of a torrent created less than this long ago is
 *     matched again (a series attached a moment after the upload still notifies its followers; the
 *     unique match row prevents a second notification)
 * @param anchorEstimateCap a saved search's clauses are compared by how many documents match each,
 *     counted up to this many, to index the search by its rarest one
 * @param maxNameLength longest saved-search name accepted
 */
@Validated
@ConfigurationProperties("animetracker.search.watch")
public record WatchProperties(
    @DefaultValue("500") @Min(1) @Max(100_000) int maxPerUser,
    @DefaultValue("24h") @NotNull Duration rematchWindow,
    @DefaultValue("1000") @Min(1) @Max(1_000_000) int anchorEstimateCap,
    @DefaultValue("100") @Min(1) @Max(1000) int maxNameLength) {}
