package dev.animetracker.tracker.stats;

import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.swarm.SwarmCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every flush interval, publishes a {@link SwarmStats} snapshot for each swarm whose counts changed
 * since the last flush (announces, expiries, other instances' peers): drains the changed swarm
 * keys, reads their settled counts in batches of at most {@code batchSize} and sends one event per
 * swarm. Keys whose send failed go back to the set, so the next flush retries them; stats are
 * snapshots, so nothing is lost but time.
 */
final class StatsFlusher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StatsFlusher.class);

  private final SwarmCounts changes;
  private final StatsSender sender;
  private final int batchSize;
  private final Duration interval;
  private final Duration timeout;
  private final InstantSource clock;
  private final Counter flushed;
  private final Timer flushTimer;
  private volatile Instant lastFlush;
  private @Nullable ScheduledExecutorService scheduler;

  /**
   * @param batchSize the most swarms whose counts are read and sent at once
   * @param interval time between the end of one flush and the start of the next
   * @param timeout how long one batch's sends may take before they count as failed
   */
  StatsFlusher(
      SwarmCounts changes,
      StatsSender sender,
      int batchSize,
      Duration interval,
      Duration timeout,
      InstantSource clock,
      MeterRegistry registry) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.changes = changes;
    this.sender = sender;
    this.batchSize = batchSize;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
    this.lastFlush = clock.instant();
    this.flushed =
        Counter.builder("tracker.stats.flushed")
            .description("Swarm snapshots published to tracker-stats")
            .register(registry);
    this.flushTimer =
        Timer.builder("tracker.stats.flush")
            .description("Duration of one stats flush (read counts and send)")
            .register(registry);
    Gauge.builder("tracker.stats.flush.lag", this, StatsFlusher::lagSeconds)
        .description("Seconds since the last flush that sent everything it drained")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("tracker.stats.pending", changes, SwarmCounts::pending)
        .description("Changed swarms waiting for the next flush")
        .register(registry);
  }

  /**
   * Flushes once.
   *
   * @return how many swarm snapshots were sent
   */
  public synchronized int flush() {
    return flushTimer.record(this::doFlush);
  }

  private int doFlush() {
    List<InfoHash> keys = changes.drainChanged();
    List<InfoHash> failed = new ArrayList<>();
    int sent = 0;
    for (int from = 0; from < keys.size(); from += batchSize) {
      List<InfoHash> batch = keys.subList(from, Math.min(keys.size(), from + batchSize));
      try {
        sent += flushBatch(batch, failed);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.addAll(keys.subList(from, keys.size()));
        break;
      }
    }
    changes.requeue(failed);
    flushed.increment(sent);
    if (failed.isEmpty()) {
      lastFlush = clock.instant();
    }
    if (sent > 0 || !failed.isEmpty()) {
      log.debug("Stats flush: {} swarms sent, {} re-queued", sent, failed.size());
    }
    return sent;
  }

  private int flushBatch(List<InfoHash> batch, List<InfoHash> failed) throws InterruptedException {
    List<ScrapeResult.Entry> counts = changes.settledCounts(batch);
    Instant observedAt = clock.instant();
    Map<InfoHash, CompletableFuture<?>> sends = new LinkedHashMap<>();
    for (ScrapeResult.Entry entry : counts) {
      String key = entry.infoHash().hex();
      SwarmStats stats =
          new SwarmStats(key, entry.complete(), entry.incomplete(), entry.downloaded(), observedAt);
      try {
        sends.put(entry.infoHash(), sender.send(key, stats).toCompletableFuture());
      } catch (RuntimeException e) {
        sends.put(entry.infoHash(), CompletableFuture.failedFuture(e));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int sent = 0;
    for (Map.Entry<InfoHash, CompletableFuture<?>> send : sends.entrySet()) {
      try {
        send.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sent++;
      } catch (ExecutionException | TimeoutException e) {
        log.debug("Stats send for {} failed, re-queued", send.getKey(), e);
        failed.add(send.getKey());
      } catch (InterruptedException e) {
        failed.add(send.getKey());
        throw e;
      }
    }
    return sent;
  }

  private double lagSeconds() {
    return Duration.between(lastFlush, clock.instant()).toMillis() / 1000.0;
  }

  private void tick() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("Stats flush failed", e);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("tracker-stats").factory());
    long millis = interval.toMillis();
    started.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = started;
    log.debug("Tracker stats flushed every {}", interval);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
