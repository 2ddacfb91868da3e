package dev.animetracker.common.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of the transactional outbox relay.
 *
 * @param enabled whether this service relays its outbox to Kafka
 * @param pollInterval how often the relay looks for unpublished events when nothing woke it
 * @param maxBackoff the longest pause after failed sends (Kafka down)
 * @param batchSize events sent per round
 * @param sendTimeout how long one round waits for Kafka acknowledgements
 * @param retention how long published events are kept for inspection before being deleted
 */
@Validated
@ConfigurationProperties("animetracker.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("500ms") @NotNull Duration pollInterval,
    @DefaultValue("10s") @NotNull Duration maxBackoff,
    @DefaultValue("200") @Min(1) int batchSize,
    @DefaultValue("10s") @NotNull Duration sendTimeout,
    @DefaultValue("7d") @NotNull Duration retention) {}
