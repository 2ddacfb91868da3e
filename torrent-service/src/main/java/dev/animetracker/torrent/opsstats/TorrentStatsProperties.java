package dev.animetracker.torrent.opsstats;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the moderators' stats ({@code animetracker.torrents.stats.*}).
 *
 * @param swarmSampleInterval how often each instance samples the swarm sums into the day's peaks
 *     ({@code swarm_day}); a peak shorter than this may be missed
 */
@Validated
@ConfigurationProperties("animetracker.torrents.stats")
public record TorrentStatsProperties(@DefaultValue("10m") @NotNull Duration swarmSampleInterval) {}
