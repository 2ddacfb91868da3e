package dev.animetracker.common.event;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every service creates the {@link Topics} (and their dead-letter topics) at start-up. Defaults
 * suit the single development broker; a cluster sets {@code KAFKA_REPLICATION_FACTOR=3} and {@code
 * KAFKA_MIN_INSYNC_REPLICAS=2} so an {@code acks=all} send survives the loss of one broker.
 *
 * @param partitions partitions per topic: the most instances of a consumer group that get work.
 *     Topics that exist with fewer are raised to this at start-up; never lowered (Kafka cannot)
 * @param replicas replication factor of newly created topics
 * @param minInsyncReplicas replicas that must have an {@code acks=all} write before it is
 *     acknowledged; applied to existing topics too
 */
@Validated
@ConfigurationProperties("animetracker.kafka")
public record TopicProperties(
    @DefaultValue("12") @Min(1) @Max(1000) int partitions,
    @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicas,
    @DefaultValue("1") @Min(1) int minInsyncReplicas) {

  /** A topic whose writes need more in-sync replicas than it has could never be written. */
  @AssertTrue(message = "min-insync-replicas must not exceed replicas")
  public boolean isMinInsyncReplicasReachable() {
    return minInsyncReplicas <= replicas;
  }
}
