package dev.animetracker.tracker.stats;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.tracker.config.TrackerProperties;
import dev.animetracker.tracker.swarm.SwarmCounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Publishes changed swarms' counts to {@code tracker-stats}; see docs/events.md. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

  /** How long one batch's sends may take before they are retried. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Bean
  StatsFlusher statsFlusher(
      SwarmCounts changes,
      TrackerProperties properties,
      KafkaTemplate<String, String> kafka,
      JsonMapper mapper,
      MeterRegistry registry) {
    StatsSender sender =
        (key, stats) ->
            kafka.send(
                Topics.TRACKER_STATS,
                key,
                mapper.writeValueAsString(EventEnvelope.wrap(key, stats, mapper)));
    return new StatsFlusher(
        changes,
        sender,
        properties.maxScrapeHashes(),
        properties.statsFlushInterval(),
        TIMEOUT,
        Clock.systemUTC(),
        registry);
  }
}
