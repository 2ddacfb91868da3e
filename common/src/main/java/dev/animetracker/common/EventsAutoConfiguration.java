package dev.animetracker.common;

import dev.animetracker.common.consume.ConsumerProperties;
import dev.animetracker.common.consume.ListenerFailures;
import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.TopicProperties;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.outbox.OutboxBatchSender;
import dev.animetracker.common.outbox.OutboxMetrics;
import dev.animetracker.common.outbox.OutboxProperties;
import dev.animetracker.common.outbox.OutboxRelay;
import dev.animetracker.common.outbox.OutboxTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox, idempotent consumption and Kafka defaults into every service that has them. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    })
@EnableConfigurationProperties({
  OutboxProperties.class,
  ConsumerProperties.class,
  TopicProperties.class
})
public class EventsAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
  @ConditionalOnBean({JdbcClient.class, KafkaTemplate.class, PlatformTransactionManager.class})
  @ConditionalOnProperty(
      name = "animetracker.outbox.enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxTracing outboxTracing(
        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
      return new OutboxTracing(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxBatchSender outboxBatchSender(
        JdbcClient jdbc,
        KafkaTemplate<String, String> kafka,
        OutboxProperties properties,
        OutboxTracing tracing) {
      return new OutboxBatchSender(jdbc, kafka, properties, tracing);
    }

    /** Gets the sender's transactional proxy, so each batch runs in a transaction of its own. */
    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
        JdbcClient jdbc, OutboxBatchSender batches, OutboxProperties properties) {
      return new OutboxRelay(jdbc, batches, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcClient jdbc, JsonMapper mapper, OutboxRelay relay, OutboxTracing tracing) {
      return new Outbox(jdbc, mapper, relay, tracing);
    }

    /** Backlog and age of the outbox for alerts (docs/operations.md, OutboxBacklogGrowing). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class OutboxMetricsConfiguration {

      @Bean
      @ConditionalOnMissingBean
      OutboxMetrics outboxMetrics(JdbcClient jdbc) {
        return new OutboxMetrics(jdbc);
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbcClient.class)
  @ConditionalOnBean(JdbcClient.class)
  static class ConsumeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
      return new ProcessedEvents(jdbc);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(KafkaTemplate.class)
  static class KafkaDefaults {

    /**
     * Durable, unduplicated sends: every in-sync replica has the record before it counts as sent
     * ({@code acks=all}, with the topics' {@code min.insync.replicas}), and the idempotent producer
     * keeps its own retries from writing a record twice. A Kafka outage must still fail a send
     * within seconds (the outbox retries it later) instead of blocking the relay thread for the
     * client's one-minute default; eight seconds cover a leader election after a broker died.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer animetrackerProducerDefaults() {
      return factory -> {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ProducerConfig.ACKS_CONFIG, "all");
        defaults.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        defaults.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        defaults.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        defaults.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<String, Object> configured = factory.getConfigurationProperties();
        defaults.keySet().removeIf(configured::containsKey);
        factory.updateConfigs(defaults);
      };
    }

    /** See {@link ListenerFailures}: outages waited out, other failures dead-lettered. */
    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler animetrackerKafkaErrorHandler(
        KafkaTemplate<?, ?> template,
        ObjectProvider<MeterRegistry> meters,
        ConsumerProperties settings) {
      return ListenerFailures.errorHandler(
          template, meters.getIfAvailable(() -> Metrics.globalRegistry), settings);
    }

    /**
     * Reading only what producers committed: our producers are not transactional today, but a
     * consumer that read aborted records of a future transactional producer would apply events that
     * never happened.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer animetrackerConsumerDefaults() {
      return factory -> {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed by the listener container after each record was handled.
        defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> configured = factory.getConfigurationProperties();
        defaults.keySet().removeIf(configured::containsKey);
        factory.updateConfigs(defaults);
      };
    }

    /**
     * Every topic and its dead-letter topic with the same partition count: the dead-letter
     * publisher writes a failed record to the partition number it came from. KafkaAdmin raises the
     * partitions of existing topics that have fewer ({@code createPartitions}) and, with {@code
     * spring.kafka.admin.modify-topic-configs}, applies {@code min.insync.replicas} to them.
     */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaAdmin.NewTopics animetrackerTopics(TopicProperties topics) {
      return new KafkaAdmin.NewTopics(
          Topics.ALL.stream()
              .flatMap(name -> Stream.of(name, name + ListenerFailures.DLT_SUFFIX))
              .map(
                  name ->
                      TopicBuilder.name(name)
                          .partitions(topics.partitions())
                          .replicas(topics.replicas())
                          .config(
                              TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                              Integer.toString(topics.minInsyncReplicas()))
                          .build())
              .toArray(NewTopic[]::new));
    }
  }
}
