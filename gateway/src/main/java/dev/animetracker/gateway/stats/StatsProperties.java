package dev.animetracker.gateway.stats;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stats page's calls ({@code animetracker.gateway.stats.*}).
 *
 * @param partTimeout how long the page waits for each service's part; a later part is shown as
 *     unavailable, so one slow service does not hold the page for the full response timeout
 */
@Validated
@ConfigurationProperties("animetracker.gateway.stats")
public record StatsProperties(@DefaultValue("3s") @NotNull Duration partTimeout) {}
