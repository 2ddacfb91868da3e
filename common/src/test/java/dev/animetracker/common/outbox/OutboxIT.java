package dev.animetracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.testsupport.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "spring.flyway.locations=classpath:db/common,classpath:db/common-test")
class OutboxIT {

  @SpringBootApplication
  static class App {}

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_common");
    Infrastructure.registerKafka(registry);
  }

  @Autowired Outbox outbox;
  @Autowired ProcessedEvents processedEvents;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper mapper;

  @Test
  void committedEventReachesKafkaKeyedByAggregateAndIsMarkedPublished() {
    long userId = System.nanoTime();
    EventEnvelope written =
        transactions.execute(
            status -> outbox.publish(String.valueOf(userId), new UserVerified(userId, "mika")));

    ConsumerRecord<String, String> received = awaitRecord(written.id());

    assertThat(received.key()).isEqualTo(String.valueOf(userId));
    EventEnvelope envelope = EventEnvelope.parse(received.value(), mapper);
    assertThat(envelope.type()).isEqualTo("user.verified");
    assertThat(envelope.version()).isEqualTo(1);
    assertThat(envelope.payloadAs(UserVerified.class, mapper))
        .isEqualTo(new UserVerified(userId, "mika"));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("select published_at is not null from outbox_event where event_id = ?")
                    .param(written.id())
                    .query(Boolean.class)
                    .single());
  }

  @Test
  void rolledBackTransactionLeavesNoEvent() {
    UUID[] id = new UUID[1];
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      id[0] = outbox.publish("1", new UserVerified(1, "ghost")).id();
                      throw new IllegalStateException("business rule failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(
            jdbc.sql("select count(*) from outbox_event where event_id = ?")
                .param(id[0])
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void publishingOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.publish("1", new UserVerified(1, "x")))
        .hasMessageContaining("transaction");
  }

  @Test
  void processedEventsAcceptsAnEventOnlyOnce() {
    UUID eventId = UUID.randomUUID();
    Boolean first = transactions.execute(s -> processedEvents.firstTime("test", eventId));
    Boolean again = transactions.execute(s -> processedEvents.firstTime("test", eventId));
    Boolean otherConsumer = transactions.execute(s -> processedEvents.firstTime("other", eventId));

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(otherConsumer).isTrue();
  }

  private ConsumerRecord<String, String> awaitRecord(UUID eventId) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Infrastructure.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "outbox-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.USER_EVENTS));
      List<ConsumerRecord<String, String>> found = new ArrayList<>();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        record -> {
                          if (record.value().contains(eventId.toString())) {
                            found.add(record);
                          }
                        });
                return !found.isEmpty();
              });
      return found.getFirst();
    }
  }
}
