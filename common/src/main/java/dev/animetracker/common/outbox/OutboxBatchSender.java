package dev.animetracker.common.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * One relay batch in one transaction: claims unpublished rows with {@code FOR UPDATE SKIP LOCKED},
 * sends them to Kafka and marks the acknowledged ones published before the lock is released. Apart
 * from {@link OutboxRelay}'s scheduling loop because a call within one bean would not pass the
 * transaction proxy.
 *
 * <p>Only one instance of a service relays at a time: a batch first takes a transaction-scoped
 * advisory lock and is skipped when another instance holds it. Two relays sending disjoint batches
 * at once would each keep their own order but interleave with the other's, so a key's {@code
 * created} could reach Kafka after its {@code deleted}; one relay at a time keeps the outbox's
 * order per key, and a killed relay's lock goes with its connection.
 */
public class OutboxBatchSender {

  /** One outbox per service database, so one constant key ("OUTBOX") is enough. */
  static final long RELAY_LOCK = 0x4F5554424F58L;

  private final JdbcClient jdbc;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;
  private final OutboxTracing tracing;

  public OutboxBatchSender(
      JdbcClient jdbc,
      KafkaTemplate<String, String> kafka,
      OutboxProperties properties,
      OutboxTracing tracing) {
    this.jdbc = jdbc;
    this.kafka = kafka;
    this.properties = properties;
    this.tracing = tracing;
  }

  /**
   * Sends one batch of unpublished events.
   *
   * @return how many events Kafka acknowledged
   * @throws RuntimeException when Kafka did not acknowledge every event of the batch (the
   *     transaction rolls back; the events stay pending)
   */
  @Transactional
  public int sendBatch() {
    Boolean relaying =
        jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
            .param("lock", RELAY_LOCK)
            .query(Boolean.class)
            .single();
    if (!Boolean.TRUE.equals(relaying)) {
      return 0;
    }
    List<PendingEvent> batch =
        jdbc.sql(
                """
                select seq, topic, event_key, envelope, traceparent from outbox_event
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
                        rs.getString("envelope"),
                        rs.getString("traceparent")))
            .list();
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
    for (PendingEvent event : batch) {
      // Sent inside the writer's trace: the template's observation puts it into the headers.
      sends.add(
          tracing.continueTrace(
              event.traceparent(), () -> kafka.send(event.topic(), event.key(), event.envelope())));
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
      throw new OutboxRelay.RelayFailedException(
          failed.size() + " events not acknowledged: " + firstError);
    }
    return published.size();
  }

  private static String truncate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }

  private record PendingEvent(
      long seq, String topic, String key, String envelope, @Nullable String traceparent) {}
}
