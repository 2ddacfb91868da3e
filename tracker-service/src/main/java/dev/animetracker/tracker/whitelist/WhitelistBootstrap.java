package dev.animetracker.tracker.whitelist;

import dev.animetracker.tracker.config.TrackerProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Seeds the {@link KafkaWhitelist} at start-up from torrent-service's {@code GET
 * /internal/torrents/whitelist}, so a fresh instance serves existing torrents at once. Runs in the
 * background and retries a few times with backoff; when torrent-service stays unreachable, the
 * replay of {@code torrent-events} still fills the whitelist.
 */
@Component
class WhitelistBootstrap implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WhitelistBootstrap.class);

  static final int ATTEMPTS = 5;

  record Entry(@Nullable String infoHash, @Nullable String infoHashV2) {}

  private final KafkaWhitelist whitelist;
  private final RestClient client;
  private @Nullable ScheduledExecutorService executor;

  WhitelistBootstrap(KafkaWhitelist whitelist, TrackerProperties properties) {
    this.whitelist = whitelist;
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(Duration.ofSeconds(2));
    factory.setReadTimeout(Duration.ofSeconds(10));
    this.client =
        RestClient.builder()
            .baseUrl(properties.torrentServiceUrl().toString())
            .requestFactory(factory)
            .build();
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("whitelist-load").factory());
    executor.execute(() -> attempt(1));
  }

  private void attempt(int attempt) {
    try {
      load();
    } catch (RuntimeException e) {
      ScheduledExecutorService current = executor;
      if (attempt >= ATTEMPTS || current == null || current.isShutdown()) {
        log.warn(
            "Could not load the whitelist from torrent-service after {} attempts ({}); relying on"
                + " torrent-events",
            attempt,
            e.getMessage());
        return;
      }
      long delay = 1L << attempt;
      log.info("Whitelist load failed ({}); retrying in {} s", e.getMessage(), delay);
      current.schedule(() -> attempt(attempt + 1), delay, TimeUnit.SECONDS);
    }
  }

  /** Fetches the live torrents and seeds the whitelist; returns how many were new. */
  int load() {
    List<Entry> entries =
        client
            .get()
            .uri("/internal/torrents/whitelist")
            .retrieve()
            .body(new ParameterizedTypeReference<List<Entry>>() {});
    int added = 0;
    int skipped = 0;
    for (Entry entry : entries == null ? List.<Entry>of() : entries) {
      try {
        if (whitelist.seed(
            InfoHashes.key(entry.infoHash()), InfoHashes.truncatedV2(entry.infoHashV2()))) {
          added++;
        }
      } catch (IllegalArgumentException e) {
        skipped++;
      }
    }
    log.info(
        "Loaded {} torrents into the whitelist from torrent-service ({} unreadable)",
        added,
        skipped);
    return added;
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
