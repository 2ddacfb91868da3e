package dev.animetracker.tracker.redis;

import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.SwarmChanges;
import dev.animetracker.tracker.swarm.SwarmView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * Write-behind between this instance's {@link InMemorySwarms} and the shared {@link
 * RedisSwarmStore}: every {@code interval}, each swarm touched since the last round writes its
 * changes and reads back every instance's peers and counts, all swarms of a round pipelined.
 *
 * <p>When Redis is unavailable, announces go on being answered from memory (this instance's peers,
 * plus the other instances' peers as last seen); the changes stay queued, coalesced per peer, and
 * are written once Redis answers again — Lettuce reconnects by itself. {@code
 * tracker.redis.sync.lag} tells how long ago the last complete round was.
 */
public final class SwarmReplicator implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SwarmReplicator.class);

  /**
   * By default a touched swarm without changes of its own is read back only every this many rounds:
   * in a busy tracker most re-announces change nothing, and reading every swarm every round would
   * cost Redis and this instance more than the announces themselves.
   */
  public static final int PULL_EVERY_ROUNDS = 3;

  /** Swarms per pipelined batch: bounds what one batch holds in memory. */
  static final int BATCH = 2_000;

  private final InMemorySwarms swarms;
  private final RedisSwarmStore store;
  private final Duration interval;
  private final Duration timeout;
  private final int pullEveryRounds;
  private final InstantSource clock;
  private final Counter synced;
  private final Counter failures;
  private final Timer roundTimer;
  private final Object roundLock = new Object();
  private volatile Instant lastComplete;
  private volatile boolean failing;
  private @Nullable ScheduledExecutorService scheduler;

  public SwarmReplicator(
      InMemorySwarms swarms,
      RedisSwarmStore store,
      Duration interval,
      Duration timeout,
      int pullEveryRounds,
      InstantSource clock,
      MeterRegistry registry) {
    this.pullEveryRounds = pullEveryRounds;
    this.swarms = swarms;
    this.store = store;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
    this.lastComplete = clock.instant();
    this.synced =
        Counter.builder("tracker.redis.sync.swarms")
            .description("Swarms written to and read back from Redis")
            .register(registry);
    this.failures =
        Counter.builder("tracker.redis.sync.failures")
            .description("Swarm syncs that failed (Redis unavailable or slow) and were retried")
            .register(registry);
    this.roundTimer =
        Timer.builder("tracker.redis.sync")
            .description("Duration of one Redis sync round")
            .register(registry);
    Gauge.builder("tracker.redis.sync.lag", this, SwarmReplicator::lagSeconds)
        .description("Seconds since the last sync round that reached Redis for every swarm")
        .baseUnit("seconds")
        .register(registry);
  }

  /**
   * Syncs every swarm touched since the last round.
   *
   * @return how many swarms were synced; the others were queued again
   */
  public int syncNow() {
    synchronized (roundLock) {
      return roundTimer.record(this::round);
    }
  }

  private int round() {
    List<InfoHash> keys = swarms.drainTouched();
    int done = 0;
    int failed = 0;
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<InfoHash> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
      BatchResult result = syncBatch(batch);
      done += result.synced();
      failed += result.failed();
    }
    synced.increment(done);
    failures.increment(failed);
    if (failed == 0) {
      lastComplete = clock.instant();
      if (failing) {
        failing = false;
        log.info("Redis sync recovered; {} swarms synced", done);
      }
    } else if (!failing) {
      failing = true;
      log.warn(
          "Redis sync failed for {} swarms; serving from memory and retrying every {}",
          failed,
          interval);
    }
    return done;
  }

  private record BatchResult(int synced, int failed) {}

  private BatchResult syncBatch(List<InfoHash> touched) {
    long pullBefore = clock.millis() - pullEveryRounds * interval.toMillis() + 1;
    List<InfoHash> batch = new ArrayList<>(touched.size());
    List<SwarmChanges> taken = new ArrayList<>(touched.size());
    List<CompletableFuture<SwarmView>> views = new ArrayList<>(touched.size());
    for (InfoHash key : touched) {
      SwarmChanges changes = swarms.takeChanges(key);
      if (changes.isEmpty() && !swarms.pulledBefore(key, pullBefore)) {
        // Nothing to write and read back recently: other instances' peers can wait a few rounds.
        continue;
      }
      batch.add(key);
      taken.add(changes);
      CompletableFuture<SwarmView> view;
      try {
        view = store.sync(key, changes).toCompletableFuture();
      } catch (RuntimeException e) {
        view = CompletableFuture.failedFuture(e);
      }
      views.add(view);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int ok = 0;
    for (int i = 0; i < batch.size(); i++) {
      InfoHash key = batch.get(i);
      try {
        SwarmView view =
            views.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        swarms.applyView(key, taken.get(i), view);
        ok++;
      } catch (ExecutionException | TimeoutException e) {
        log.debug("Redis sync of swarm {} failed", key, e);
        // A write that timed out may still land later; re-sending it is harmless (upserts are
        // idempotent) except for the completed delta, which then counts twice at worst.
        swarms.restoreChanges(key, taken.get(i));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        for (int j = i; j < batch.size(); j++) {
          swarms.restoreChanges(batch.get(j), taken.get(j));
        }
        return new BatchResult(ok, batch.size() - ok);
      }
    }
    return new BatchResult(ok, batch.size() - ok);
  }

  /**
   * Writes one swarm's pending changes now, outside the rounds: the reply to a completed announce
   * waits for it, so a completion the tracker acknowledged survives a {@code kill -9} of this
   * instance. Never fails: when Redis does not answer within the sync timeout the changes go back
   * to the queue for the next round (a write that timed out but landed then counts its completion
   * twice at worst, as in a round).
   */
  public CompletionStage<Void> syncSwarm(InfoHash key) {
    SwarmChanges changes = swarms.takeChanges(key);
    if (changes.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<SwarmView> view;
    try {
      view = store.sync(key, changes).toCompletableFuture();
    } catch (RuntimeException e) {
      view = CompletableFuture.failedFuture(e);
    }
    return view.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (written, failure) -> {
              if (failure == null) {
                swarms.applyView(key, changes, written);
                synced.increment();
              } else {
                log.debug("Redis sync of completed swarm {} failed", key, failure);
                swarms.restoreChanges(key, changes);
                failures.increment();
              }
              return null;
            });
  }

  private double lagSeconds() {
    return Duration.between(lastComplete, clock.instant()).toMillis() / 1000.0;
  }

  private void tick() {
    try {
      syncNow();
    } catch (RuntimeException e) {
      log.warn("Redis sync round failed", e);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("swarm-sync").factory());
    long millis = interval.toMillis();
    started.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = scheduler;
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      // A last round so that a graceful shutdown hands this instance's peers to the others.
      if (running.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        tick();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.shutdownNow();
    scheduler = null;
  }

  /** Stops after the tracker's sockets closed, so the last round carries the last announces. */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 1;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
