package dev.animetracker.tracker.whitelist;

import dev.animetracker.tracker.whitelist.TorrentServiceWhitelistClient.Entry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Seeds the {@link KafkaWhitelist} at start-up from torrent-service's {@code GET
 * /internal/torrents/whitelist}, so a fresh instance serves existing torrents at once. Runs in the
 * background and retries a few times with backoff; when torrent-service stays unreachable, the
 * replay of {@code torrent-events} still fills the whitelist.
 */
class WhitelistBootstrap implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WhitelistBootstrap.class);

  static final int ATTEMPTS = 5;

  private final KafkaWhitelist whitelist;
  private final TorrentServiceWhitelistClient client;
  private final Duration backoffUnit;
  private @Nullable ScheduledExecutorService executor;

  /**
   * Loads through {@code client} into {@code whitelist}.
   *
   * @param backoffUnit after failed attempt {@code n} (1-based) the next waits {@code 2^n} of these
   */
  WhitelistBootstrap(
      KafkaWhitelist whitelist, TorrentServiceWhitelistClient client, Duration backoffUnit) {
    this.whitelist = whitelist;
    this.client = client;
    this.backoffUnit = backoffUnit;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("whitelist-load").factory());
    executor.execute(() -> attempt(1));
  }

  /**
   * Starts before {@code TrackerLifecycle} (a lower phase), so the tracker can wait for the load
   * before it binds its port.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }

  private void attempt(int attempt) {
    try {
      load();
      whitelist.markLoaded();
    } catch (RuntimeException e) {
      ScheduledExecutorService current = executor;
      if (attempt >= ATTEMPTS || current == null || current.isShutdown()) {
        whitelist.markLoaded();
        log.warn(
            "Could not load the whitelist from torrent-service after {} attempts ({}); relying on"
                + " torrent-events",
            attempt,
            e.getMessage());
        return;
      }
      Duration delay = backoffUnit.multipliedBy(1L << attempt);
      log.info("Whitelist load failed ({}); retrying in {}", e.getMessage(), delay);
      current.schedule(() -> attempt(attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Fetches the live torrents and seeds the whitelist; returns how many were new. */
  int load() {
    List<Entry> entries = client.fetch();
    int added = 0;
    int skipped = 0;
    for (Entry entry : entries) {
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
