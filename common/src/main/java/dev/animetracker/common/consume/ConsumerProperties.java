package dev.animetracker.common.consume;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Kafka listeners treat a record they fail on. Outages of what a listener needs (its database,
 * Redis, user-service) are retried with backoff for as long as they last, so no event is skipped
 * while the service is merely cut off; any other failure is a bug or a bad record, retried {@code
 * attempts} times and then parked on {@code <topic>.DLT} so the partition moves on.
 *
 * @param attempts deliveries of a failing record before it goes to the dead-letter topic
 * @param initialInterval pause before the first retry; doubles up to {@code maxInterval}
 * @param maxInterval longest pause between retries (also for outages)
 */
@Validated
@ConfigurationProperties("animetracker.consumer")
public record ConsumerProperties(
    @DefaultValue("5") @Min(1) int attempts,
    @DefaultValue("500ms") @NotNull Duration initialInterval,
    @DefaultValue("30s") @NotNull Duration maxInterval) {}
