package dev.animetracker.common.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The shared listener error policy against a real broker: a bug-like failure is retried a bounded
 * number of times and then parked on {@code <topic>.DLT} while later records flow; an outage of the
 * database is waited out however long it lasts; an unreadable record is parked at once.
 */
@SpringBootTest(
    properties = {
      "spring.flyway.locations=classpath:db/common,classpath:db/common-test",
      "spring.kafka.consumer.auto-offset-reset=earliest",
      "animetracker.consumer.attempts=3",
      "animetracker.consumer.initial-interval=50ms",
      "animetracker.consumer.max-interval=100ms"
    })
class DeadLetterIT {

  static final String TOPIC = "it-dead-letter-" + UUID.randomUUID();

  @SpringBootApplication
  static class App {

    @Bean
    NewTopic topic() {
      return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
    }

    @Bean
    NewTopic deadLetters() {
      return TopicBuilder.name(TOPIC + ListenerFailures.DLT_SUFFIX)
          .partitions(1)
          .replicas(1)
          .build();
    }

    @Bean
    MeterRegistry meters() {
      return new SimpleMeterRegistry();
    }

    @Bean
    Listener listener() {
      return new Listener();
    }
  }

  /** Fails as the record's value says, and remembers what it saw. */
  static class Listener {
    final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    final List<String> processed = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = "${it.dead-letter.topic}")
    void on(ConsumerRecord<String, String> record) {
      int delivery = deliveries.merge(record.value(), 1, Integer::sum);
      String value = record.value();
      if (value.startsWith("bug")) {
        throw new IllegalStateException("a bug in the listener");
      }
      if (value.startsWith("poison")) {
        throw new PoisonEventException("unreadable " + value, null);
      }
      if (value.startsWith("outage") && delivery <= 5) {
        throw new CannotCreateTransactionException("the database is down");
      }
      processed.add(value);
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_dead_letter");
    Infrastructure.registerKafka(registry);
    registry.add("spring.kafka.consumer.group-id", () -> "it-dead-letter-" + UUID.randomUUID());
    registry.add("it.dead-letter.topic", () -> TOPIC);
  }

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired Listener listener;
  @Autowired MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void failuresAreBoundedOutagesWaitedOutAndPoisonParkedAtOnce() {
    kafka.send(TOPIC, "k", "bug-1");
    kafka.send(TOPIC, "k", "after-bug");
    kafka.send(TOPIC, "k", "outage-1");
    kafka.send(TOPIC, "k", "poison-1");
    kafka.send(TOPIC, "k", "last");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(listener.processed).containsExactly("after-bug", "outage-1", "last"));

    assertThat(listener.deliveries.get("bug-1")).as("bounded attempts").isEqualTo(3);
    assertThat(listener.deliveries.get("outage-1"))
        .as("an outage outlasting the attempt budget is still waited out")
        .isEqualTo(6);
    assertThat(listener.deliveries.get("poison-1")).as("poison is not retried").isEqualTo(1);
    assertThat(deadLettered()).containsExactly("bug-1", "poison-1");
    assertThat(counter("failed")).isEqualTo(1.0);
    assertThat(counter("poison")).isEqualTo(1.0);
  }

  private double counter(String reason) {
    return meters
        .get(ListenerFailures.DEAD_LETTERED)
        .tag("topic", TOPIC)
        .tag("reason", reason)
        .counter()
        .count();
  }

  private List<String> deadLettered() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC + ListenerFailures.DLT_SUFFIX));
      List<String> values = new CopyOnWriteArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                return values.size() >= 2;
              });
      return values;
    }
  }
}
