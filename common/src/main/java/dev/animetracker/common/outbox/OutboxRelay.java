package dev.animetracker.common.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances of a service can relay side by side; a row is marked published only after Kafka
 * acknowledged it (acks=all), so a crash or a Kafka outage can repeat an event (consumers
 * deduplicate by id) but never drop one.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;
  private volatile int consecutiveFailures;
  private volatile Instant nextCleanup = Instant.EPOCH;

  public OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      OutboxProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
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
   * Sends one batch of unpublished events.
   *
   * @return how many events Kafka acknowledged
   */
  public int relayOnce() {
    Integer sent = transactions.execute(status -> sendBatch());
    return sent == null ? 0 : sent;
  }

  private int sendBatch() {
    List<PendingEvent> batch =
        jdbc.sql(
                """
                select seq, topic, event_key, envelope from outbox_event
                where published_at is null
                order by seq
                limit :limit
                for update skip locked
                """)
            .param("limit", properties.batchSize())
            .query(
                (rs, row) ->
                    new PendingEvent(
                        rs.getLong("seq"),
                        rs.getString("topic"),
                        rs.getString("event_key"),
                        rs.getString("envelope")))
            .list();
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
    for (PendingEvent event : batch) {
      sends.add(kafka.send(event.topic(), event.key(), event.envelope()));
    }
    List<Long> published = new ArrayList<>(batch.size());
    String firstError = null;
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (int i = 0; i < batch.size(); i++) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        published.add(batch.get(i).seq());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        firstError = "interrupted";
        break;
      } catch (Exception e) {
        if (firstError == null) {
          firstError = String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
      }
    }
    if (!published.isEmpty()) {
      jdbc.sql("update outbox_event set published_at = now() where seq in (:seqs)")
          .param("seqs", published)
          .update();
    }
    if (firstError != null) {
      List<Long> failed =
          batch.stream().map(PendingEvent::seq).filter(seq -> !published.contains(seq)).toList();
      jdbc.sql(
              "update outbox_event set attempts = attempts + 1, last_error = :error where seq in (:seqs)")
          .param("error", truncate(firstError))
          .param("seqs", failed)
          .update();
      throw new RelayFailedException(failed.size() + " events not acknowledged: " + firstError);
    }
    return published.size();
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

  private static String truncate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000);
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

  private record PendingEvent(long seq, String topic, String key, String envelope) {}

  /** A relay round in which Kafka did not acknowledge every event; they stay pending. */
  static class RelayFailedException extends RuntimeException {
    RelayFailedException(String message) {
      super(message);
    }
  }
}
