package dev.animetracker.search.opsstats;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the search volume counter ({@code animetracker.search.stats.*}).
 *
 * @param flushInterval how often an instance adds its counted searches to {@code search_day}; at
 *     most this much of the count is lost when an instance dies without shutting down
 */
@Validated
@ConfigurationProperties("animetracker.search.stats")
public record SearchStatsProperties(@DefaultValue("5s") @NotNull Duration flushInterval) {}
