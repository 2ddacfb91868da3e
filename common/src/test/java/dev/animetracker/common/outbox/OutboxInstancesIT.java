package dev.animetracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.testsupport.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a service (two application contexts, each with its own relay, pool and producer)
 * on one outbox table: every committed event reaches Kafka exactly once, however the rows are
 * spread over the instances that wrote them.
 */
class OutboxInstancesIT {

  @SpringBootApplication
  static class App {}

  private static final int EVENTS = 600;

  @Test
  void twoRelaysOnOneOutboxSendEveryEventOnce() throws Exception {
    Infrastructure.Database database = Infrastructure.newDatabase("it_outbox_instances");
    String servers = Infrastructure.kafkaBootstrapServers();
    String marker = "instances-" + UUID.randomUUID();
    try (ConfigurableApplicationContext first = start(database, servers);
        ConfigurableApplicationContext second = start(database, servers)) {
      List<ConfigurableApplicationContext> instances = List.of(first, second);
      ExecutorService writers = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
          ConfigurableApplicationContext instance = instances.get(i % 2);
          long userId = i;
          writes.add(
              writers.submit(
                  () ->
                      instance
                          .getBean(TransactionTemplate.class)
                          .executeWithoutResult(
                              status ->
                                  instance
                                      .getBean(Outbox.class)
                                      .publish(
                                          marker,
                                          new UserVerified(userId, marker + "-" + userId)))));
        }
        for (Future<?> write : writes) {
          write.get();
        }
      } finally {
        writers.shutdown();
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

      Map<String, Integer> received = receive(servers, marker);

      assertThat(received).hasSize(EVENTS);
      assertThat(received.values()).allMatch(count -> count == 1);
    }
  }

  /** How often each of this test's events arrived, read until the topic stays quiet. */
  private static Map<String, Integer> receive(String servers, String marker) {
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
            int at = record.value().indexOf(marker + "-");
            String username = record.value().substring(at, record.value().indexOf('"', at));
            received.merge(username, 1, Integer::sum);
            quietSince = System.nanoTime();
          }
        }
      }
    }
    return received;
  }

  private static ConfigurableApplicationContext start(
      Infrastructure.Database database, String servers) {
    // Command-line arguments: they outrank animetracker-defaults.properties, as the environment
    // does.
    return new SpringApplicationBuilder(App.class)
        .run(
            "--spring.main.web-application-type=none",
            "--spring.flyway.locations=classpath:db/common",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password(),
            "--spring.kafka.bootstrap-servers=" + servers,
            // Small batches and a fast poll, so the two relays contend for rows all the time.
            "--animetracker.outbox.batch-size=7",
            "--animetracker.outbox.poll-interval=20ms");
  }
}
