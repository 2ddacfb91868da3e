package dev.animetracker.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event published on some topics, read from the beginning by a plain consumer without a group
 * (so it never takes partitions from the service under test). Each event is the envelope as JSON,
 * with the record key added as {@code _key}.
 */
public final class EventLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<String> topics;
  private final List<JsonNode> received = new ArrayList<>();
  private KafkaConsumer<String, String> consumer;

  public EventLog(String... topics) {
    this.topics = List.of(topics);
  }

  /** Waits up to 30 s for an event of this type whose payload matches. */
  public JsonNode await(String type, Predicate<JsonNode> payload) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(50))
        .until(() -> find(type, payload), Optional::isPresent)
        .orElseThrow();
  }

  /** The first event so far of this type whose payload matches. */
  public synchronized Optional<JsonNode> find(String type, Predicate<JsonNode> payload) {
    return all(type, payload).stream().findFirst();
  }

  /** Every event so far of this type whose payload matches. */
  public synchronized List<JsonNode> all(String type, Predicate<JsonNode> payload) {
    poll();
    return received.stream()
        .filter(event -> type.equals(event.get("type").asString()))
        .filter(event -> payload.test(event.get("payload")))
        .toList();
  }

  private void poll() {
    if (consumer == null) {
      Properties properties = new Properties();
      properties.put(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
      properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumer = new KafkaConsumer<>(properties);
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .forEach(partitions::add);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      JsonNode event = JSON.readTree(record.value());
      ((ObjectNode) event).put("_key", record.key());
      received.add(event);
    }
  }
}
