package dev.animetracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.common.support.CommonContexts;
import dev.animetracker.testsupport.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a service (two application contexts, each with its own relay, pool and producer)
 * on one outbox table: every committed event reaches Kafka exactly once and, per key, in the
 * outbox's order, however the rows are spread over the instances that wrote them.
 */
class OutboxInstancesIT {

  @SpringBootApplication
  static class App {}

  private static final int EVENTS = 600;

  @Test
  void twoRelaysOnOneOutboxSendEveryEventOnceInOrder() throws Exception {
    Infrastructure.Database database = Infrastructure.newDatabase("it_outbox_instances");
    String servers = Infrastructure.kafkaBootstrapServers();
    String marker = "instances-" + UUID.randomUUID();
    try (ConfigurableApplicationContext first = start(database, servers);
        ConfigurableApplicationContext second = start(database, servers)) {
      List<ConfigurableApplicationContext> instances = List.of(first, second);
      // One writer, alternating instances, each commit before the next: the key's order is then
      // defined (concurrent writers of one key would have no order to keep), while both relays
      // contend for the rows all along.
      for (int i = 0; i < EVENTS; i++) {
        ConfigurableApplicationContext instance = instances.get(i % 2);
        long userId = i;
        instance
            .getBean(TransactionTemplate.class)
            .executeWithoutResult(
                status ->
                    instance
                        .getBean(Outbox.class)
                        .publish(marker, new UserVerified(userId, marker + "-" + userId)));
      }
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql("select count(*) from outbox_event where published_at is null")
                          .query(Long.class)
                          .single()
                      == 0);

      List<String> committedOrder =
          jdbc
              .sql("select envelope from outbox_event order by seq")
              .query(String.class)
              .list()
              .stream()
              .map(envelope -> usernameIn(envelope, marker))
              .toList();
      List<String> arrivalOrder = new ArrayList<>();
      Map<String, Integer> received = receive(servers, marker, arrivalOrder);

      assertThat(received).hasSize(EVENTS);
      assertThat(received.values()).allMatch(count -> count == 1);
      // One key, one partition: Kafka holds the key's events in the order they were committed.
      assertThat(arrivalOrder).containsExactlyElementsOf(committedOrder);
    }
  }

  /** How often each of this test's events arrived, read until the topic stays quiet. */
  private static Map<String, Integer> receive(
      String servers, String marker, List<String> arrivalOrder) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-instances-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Integer> received = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(Topics.USER_EVENTS));
      long quietSince = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline
          && (received.size() < EVENTS
              || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos())) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (var record : records) {
          if (marker.equals(record.key())) {
            String username = usernameIn(record.value(), marker);
            arrivalOrder.add(username);
            received.merge(username, 1, Integer::sum);
            quietSince = System.nanoTime();
          }
        }
      }
    }
    return received;
  }

  private static String usernameIn(String envelope, String marker) {
    int at = envelope.indexOf(marker + "-");
    return envelope.substring(at, envelope.indexOf('"', at));
  }

  private static ConfigurableApplicationContext start(
      Infrastructure.Database database, String servers) {
    return CommonContexts.start(
        App.class,
        database,
        servers,
        // Small batches and a fast poll, so the two relays contend for rows all the time.
        "--animetracker.outbox.batch-size=7",
        "--animetracker.outbox.poll-interval=20ms");
  }
}
