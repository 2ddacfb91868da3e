package dev.animetracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.testsupport.Infrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request's trace survives the outbox: the row keeps the writer's traceparent, the relay sends
 * the record with it, and a listener (observation on, as in every service) runs inside that trace
 * with its id in the log MDC.
 */
@SpringBootTest(
    properties = {
      "spring.flyway.locations=classpath:db/common,classpath:db/common-test",
      "spring.kafka.consumer.auto-offset-reset=earliest"
    })
class OutboxTracingIT {

  /** What the listener saw for each event id: the record's traceparent and its own trace. */
  record Seen(String traceparentHeader, String listenerTraceId, String mdcTraceId) {}

  static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

  @SpringBootApplication
  static class App {

    private final Tracer tracer;
    private final JsonMapper mapper;

    App(Tracer tracer, JsonMapper mapper) {
      this.tracer = tracer;
      this.mapper = mapper;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = "outbox-tracing-it-${random.uuid}")
    void consume(ConsumerRecord<String, String> record) {
      Header header = record.headers().lastHeader(OutboxTracing.TRACEPARENT);
      Span current = tracer.currentSpan();
      SEEN.put(
          EventEnvelope.parse(record.value(), mapper).id().toString(),
          new Seen(
              header == null ? "" : new String(header.value(), StandardCharsets.US_ASCII),
              current == null ? "" : current.context().traceId(),
              String.valueOf(MDC.get("traceId"))));
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_common");
    Infrastructure.registerKafka(registry);
  }

  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired Tracer tracer;
  @Autowired JdbcClient jdbc;

  @Test
  void theConsumerContinuesTheTraceOfTheRequestThatWroteTheEvent() {
    long userId = System.nanoTime();
    Span request = tracer.nextSpan().name("upload request").start();
    EventEnvelope written;
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      written =
          transactions.execute(
              status -> outbox.publish(String.valueOf(userId), new UserVerified(userId, "mika")));
    } finally {
      request.end();
    }
    String traceId = request.context().traceId();

    assertThat(storedTraceparent(written)).startsWith("00-" + traceId + "-");
    Seen seen = awaitConsumed(written);
    assertThat(seen.traceparentHeader()).startsWith("00-" + traceId + "-");
    assertThat(seen.listenerTraceId()).isEqualTo(traceId);
    assertThat(seen.mdcTraceId()).isEqualTo(traceId);
  }

  @Test
  void anEventWrittenOutsideATraceIsSentInATraceOfItsOwn() {
    long userId = System.nanoTime();
    EventEnvelope written =
        transactions.execute(
            status -> outbox.publish(String.valueOf(userId), new UserVerified(userId, "yuki")));

    assertThat(storedTraceparent(written)).isNull();
    Seen seen = awaitConsumed(written);
    assertThat(seen.traceparentHeader()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    assertThat(seen.listenerTraceId()).isEqualTo(seen.traceparentHeader().substring(3, 35));
  }

  private String storedTraceparent(EventEnvelope written) {
    return jdbc.sql("select traceparent from outbox_event where event_id = ?")
        .param(written.id())
        .query(String.class)
        .list()
        .getFirst();
  }

  private Seen awaitConsumed(EventEnvelope written) {
    String id = written.id().toString();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SEEN.containsKey(id));
    return SEEN.get(id);
  }
}
