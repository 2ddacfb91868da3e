package dev.animetracker.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.consume.ListenerFailures;
import dev.animetracker.common.support.CommonContexts;
import dev.animetracker.testsupport.Infrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Topics as a service start-up leaves them on a real broker: topics that exist with fewer
 * partitions are raised to {@code animetracker.kafka.partitions}, and {@code min.insync.replicas}
 * is applied to existing topics too.
 */
class TopicsIT {

  @SpringBootApplication
  static class App {}

  private static final List<String> NAMES =
      Topics.ALL.stream()
          .flatMap(name -> Stream.of(name, name + ListenerFailures.DLT_SUFFIX))
          .toList();

  @Test
  void startUpRaisesPartitionsAndAppliesMinInsyncReplicasToExistingTopics() throws Exception {
    String servers = Infrastructure.kafkaBootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      // A topic left by an older version: two partitions, a min.insync.replicas of its own.
      if (!admin.listTopics().names().get().contains(Topics.TRACKER_STATS)) {
        admin.createTopics(List.of(new NewTopic(Topics.TRACKER_STATS, 2, (short) 1))).all().get();
      }
      ConfigResource stats = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRACKER_STATS);
      admin
          .incrementalAlterConfigs(
              Map.of(
                  stats,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get();
      int wanted = Math.max(12, maxPartitions(admin)) + 1;

      try (ConfigurableApplicationContext context = start(servers, wanted, 1)) {
        // KafkaAdmin asked for the change during start-up; the broker applies it asynchronously.
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  Map<String, TopicDescription> topics =
                      admin.describeTopics(NAMES).allTopicNames().get();
                  assertThat(topics.values())
                      .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(wanted));
                  String minInsync =
                      admin
                          .describeConfigs(List.of(stats))
                          .all()
                          .get()
                          .get(stats)
                          .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
                          .value();
                  assertThat(minInsync).isEqualTo("1");
                });
      }
    }
  }

  @Test
  void moreInsyncReplicasThanReplicasIsRefusedAtStartUp() {
    assertThatThrownBy(() -> start(Infrastructure.kafkaBootstrapServers(), 12, 2).close())
        .hasStackTraceContaining("min-insync-replicas must not exceed replicas");
  }

  private static int maxPartitions(Admin admin) throws Exception {
    List<String> existing = NAMES.stream().filter(name -> exists(admin, name)).toList();
    return admin.describeTopics(existing).allTopicNames().get().values().stream()
        .mapToInt(topic -> topic.partitions().size())
        .max()
        .orElse(0);
  }

  private static boolean exists(Admin admin, String name) {
    try {
      return admin.listTopics().names().get().contains(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigurableApplicationContext start(
      String servers, int partitions, int minInsync) {
    return CommonContexts.start(
        App.class,
        Infrastructure.newDatabase("it_topics"),
        servers,
        "--animetracker.outbox.enabled=false",
        "--animetracker.kafka.partitions=" + partitions,
        "--animetracker.kafka.min-insync-replicas=" + minInsync);
  }
}
