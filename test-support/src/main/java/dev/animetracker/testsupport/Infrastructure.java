package dev.animetracker.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real servers for integration tests, the same tests on every host: Testcontainers when a Docker
 * engine answers, otherwise the PostgreSQL and Redis running on the machine and an in-process KRaft
 * broker. A missing server fails the test with a message saying how to start it; nothing is ever
 * skipped.
 *
 * <p>Set {@code ANIMETRACKER_TEST_INFRA=local} to use local servers even where Docker exists.
 */
public final class Infrastructure {

  private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

  private static final boolean CONTAINERS = detectDocker();

  private static PostgreSQLContainer postgresContainer;
  private static GenericContainer<?> redisContainer;
  private static KafkaContainer kafkaContainer;
  private static EmbeddedKafkaKraftBroker embeddedKafka;
  private static GreenMail greenMail;

  private Infrastructure() {}

  /** A database of its own for one test context, dropped when the JVM exits. */
  public record Database(String jdbcUrl, String username, String password) {}

  /** Host and port of a Redis server. */
  public record Redis(String host, int port) {}

  /** Whether this run uses Testcontainers (Docker answered) or the machine's servers. */
  public static boolean usesContainers() {
    return CONTAINERS;
  }

  /** Creates a fresh, empty database whose name starts with the prefix. */
  public static synchronized Database newDatabase(String prefix) {
    String host;
    int port;
    String user;
    String password;
    if (CONTAINERS) {
      if (postgresContainer == null) {
        postgresContainer = new PostgreSQLContainer("postgres:17-alpine");
        postgresContainer.start();
      }
      host = postgresContainer.getHost();
      port = postgresContainer.getMappedPort(5432);
      user = postgresContainer.getUsername();
      password = postgresContainer.getPassword();
    } else {
      host = env("TEST_DB_HOST", env("DB_HOST", "127.0.0.1"));
      port = Integer.parseInt(env("TEST_DB_PORT", env("DB_PORT", "5432")));
      user = env("TEST_DB_USER", env("DB_USER", "postgres"));
      password = env("TEST_DB_PASSWORD", env("DB_PASSWORD", "postgres"));
      requireReachable("PostgreSQL", host, port, "make infra-up (or install Docker)");
    }
    String name =
        (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    execute(admin, user, password, "create database " + name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    execute(
                        admin, user, password, "drop database if exists " + name + " with (force)");
                  } catch (RuntimeException e) {
                    log.debug("Could not drop test database {}", name, e);
                  }
                }));
    return new Database("jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
  }

  /** A Redis server, started or checked once per JVM. */
  public static synchronized Redis redis() {
    if (CONTAINERS) {
      if (redisContainer == null) {
        redisContainer = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redisContainer.start();
      }
      return new Redis(redisContainer.getHost(), redisContainer.getMappedPort(6379));
    }
    String host = env("TEST_REDIS_HOST", env("REDIS_HOST", "127.0.0.1"));
    int port = Integer.parseInt(env("TEST_REDIS_PORT", env("REDIS_PORT", "6379")));
    requireReachable("Redis", host, port, "make infra-up (or install Docker)");
    RedisClient client = RedisClient.create(RedisURI.create(host, port));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().ping();
    } finally {
      client.shutdown();
    }
    return new Redis(host, port);
  }

  /** Bootstrap servers of a real KRaft Kafka broker, started once per JVM. */
  public static synchronized String kafkaBootstrapServers() {
    if (CONTAINERS) {
      if (kafkaContainer == null) {
        kafkaContainer = new KafkaContainer("apache/kafka:4.1.2");
        kafkaContainer.start();
      }
      return kafkaContainer.getBootstrapServers();
    }
    if (embeddedKafka == null) {
      embeddedKafka = new EmbeddedKafkaKraftBroker(1, 3);
      embeddedKafka.brokerProperty("auto.create.topics.enable", "true");
      embeddedKafka.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(embeddedKafka::destroy));
    }
    return embeddedKafka.getBrokersAsString();
  }

  /**
   * A real SMTP (and IMAP) server in this JVM on free ports; any login is accepted, mail is kept
   * per recipient. Started once per JVM.
   */
  public static synchronized GreenMail smtp() {
    if (greenMail == null) {
      ServerSetup[] setups = {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
      };
      greenMail = new GreenMail(setups);
      greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      greenMail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    }
    return greenMail;
  }

  /** Registers a fresh database plus Redis and Kafka as Spring Boot connection properties. */
  public static void registerAll(DynamicPropertyRegistry registry, String databasePrefix) {
    registerDatabase(registry, databasePrefix);
    registerRedis(registry);
    registerKafka(registry);
  }

  /** Registers a fresh database as {@code spring.datasource.*}. */
  public static void registerDatabase(DynamicPropertyRegistry registry, String databasePrefix) {
    Database database = newDatabase(databasePrefix);
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
  }

  /** Registers Redis as {@code spring.data.redis.*}. */
  public static void registerRedis(DynamicPropertyRegistry registry) {
    Redis redis = redis();
    registry.add("spring.data.redis.host", redis::host);
    registry.add("spring.data.redis.port", redis::port);
  }

  /** Registers Kafka as {@code spring.kafka.bootstrap-servers}. */
  public static void registerKafka(DynamicPropertyRegistry registry) {
    String servers = kafkaBootstrapServers();
    registry.add("spring.kafka.bootstrap-servers", () -> servers);
  }

  /** Registers the in-JVM SMTP sink as {@code spring.mail.*}. */
  public static void registerSmtp(DynamicPropertyRegistry registry) {
    GreenMail mail = smtp();
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
  }

  private static boolean detectDocker() {
    if ("local".equalsIgnoreCase(System.getenv("ANIMETRACKER_TEST_INFRA"))) {
      return false;
    }
    try {
      boolean available = DockerClientFactory.instance().isDockerAvailable();
      log.info(
          "Integration tests use {}",
          available ? "Testcontainers" : "the machine's PostgreSQL/Redis and an in-JVM Kafka");
      return available;
    } catch (Throwable e) {
      return false;
    }
  }

  private static void requireReachable(String what, String host, int port, String hint) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Duration.ofSeconds(2).toMillis());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          what
              + " is not reachable at "
              + host
              + ":"
              + port
              + " and Docker is not available for Testcontainers. Start it with: "
              + hint);
    }
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
