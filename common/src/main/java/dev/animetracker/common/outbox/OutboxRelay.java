package dev.animetracker.common.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves committed outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances of a service can relay side by side; a row is marked published only after Kafka
 * acknowledged it (acks=all), so a crash or a Kafka outage can repeat an event (consumers
 * deduplicate by id) but never drop one.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcClient jdbc;
  private final OutboxBatchSender batches;
  private final OutboxProperties properties;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;
  private volatile int consecutiveFailures;
  private volatile Instant nextCleanup = Instant.EPOCH;

  /**
   * A relay sending through {@code batches}, which must be the transactional proxy (the Spring
   * bean), so each batch is locked, sent and marked in one transaction.
   */
  public OutboxRelay(JdbcClient jdbc, OutboxBatchSender batches, OutboxProperties properties) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.properties = properties;
  }

  /** Asks for a relay round as soon as possible (called after a commit that wrote events). */
  public void wakeUp() {
    ScheduledExecutorService current = executor;
    if (current != null && consecutiveFailures == 0 && wakeUpPending.compareAndSet(false, true)) {
      current.execute(
          () -> {
            wakeUpPending.set(false);
            relaySafely();
          });
    }
  }

  /**
   * Sends one batch of unpublished events (one transaction, see {@link OutboxBatchSender}).
   *
   * @return how many events Kafka acknowledged
   */
  public int relayOnce() {
    return batches.sendBatch();
  }

  private void relaySafely() {
    try {
      int sent;
      do {
        sent = relayOnce();
      } while (sent == properties.batchSize());
      if (consecutiveFailures > 0) {
        log.info("Outbox relay recovered after {} failed rounds", consecutiveFailures);
      }
      consecutiveFailures = 0;
      cleanupIfDue();
    } catch (RuntimeException e) {
      consecutiveFailures++;
      if (consecutiveFailures == 1 || consecutiveFailures % 30 == 0) {
        log.warn(
            "Outbox relay round failed ({} in a row): {}", consecutiveFailures, e.getMessage());
      }
    }
  }

  private void cleanupIfDue() {
    Instant now = Instant.now();
    if (now.isBefore(nextCleanup)) {
      return;
    }
    nextCleanup = now.plus(Duration.ofHours(1));
    int removed =
        jdbc.sql("delete from outbox_event where published_at < :before")
            .param("before", java.sql.Timestamp.from(now.minus(properties.retention())))
            .update();
    if (removed > 0) {
      log.debug("Removed {} published outbox events", removed);
    }
  }

  private void scheduleNext() {
    ScheduledExecutorService current = executor;
    if (current == null || current.isShutdown()) {
      return;
    }
    long delay = properties.pollInterval().toMillis();
    if (consecutiveFailures > 0) {
      long backoff = delay << Math.min(consecutiveFailures, 10);
      delay = Math.min(backoff, properties.maxBackoff().toMillis());
    }
    current.schedule(
        () -> {
          relaySafely();
          scheduleNext();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void start() {
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor = pool;
    scheduleNext();
  }

  @Override
  public void stop() {
    ScheduledExecutorService current = executor;
    executor = null;
    if (current != null) {
      current.shutdown();
      try {
        current.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  @Override
  public int getPhase() {
    // Stop before the Kafka producer and the data source go away.
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  /** A relay round in which Kafka did not acknowledge every event; they stay pending. */
  static class RelayFailedException extends RuntimeException {
    RelayFailedException(String message) {
      super(message);
    }
  }
}
