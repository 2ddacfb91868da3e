package dev.animetracker.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system as {@code make run} starts it — the six service jars, a Kafka broker process,
 * the GreenMail sink, the machine's PostgreSQL and Redis — but on ports of its own and fresh
 * databases, so it never touches a developer's running stack. Started once per test JVM through
 * {@code infra/devstack/stack.sh}, stopped when the JVM exits.
 */
final class Stack {

  private static final Logger log = LoggerFactory.getLogger(Stack.class);

  // Each overridable with -Danimetracker.stack.<name>, so two checkouts can run system tests at
  // once.
  static final int GATEWAY_PORT = setting("gateway-port", 18080);
  static final int USER_SERVICE_PORT = setting("user-service-port", 18081);
  static final int TORRENT_SERVICE_PORT = setting("torrent-service-port", 18082);
  static final int SEARCH_SERVICE_PORT = setting("search-service-port", 18083);
  static final int TRACKER_MANAGEMENT_PORT = setting("tracker-management-port", 18084);
  static final int NOTIFICATION_SERVICE_PORT = setting("notification-service-port", 18085);
  static final int TRACKER_PORT = setting("tracker-port", 16969);
  static final int KAFKA_PORT = setting("kafka-port", 19092);
  static final int KAFKA_CONTROLLER_PORT = setting("kafka-controller-port", 19093);
  static final int SMTP_PORT = setting("smtp-port", 13025);
  static final int IMAP_PORT = setting("imap-port", 13143);
  static final int REDIS_DATABASE = setting("redis-database", 7);

  private static int setting(String name, int defaultValue) {
    return Integer.getInteger("animetracker.stack." + name, defaultValue);
  }

  /** Short, so a test can wait it out: how long a rotated refresh token still rotates. */
  static final Duration REFRESH_REUSE_GRACE = Duration.ofSeconds(3);

  private static Stack instance;

  private final Path repository;
  private final Map<String, String> environment;

  private Stack(Path repository, Map<String, String> environment) {
    this.repository = repository;
    this.environment = environment;
  }

  /** The running stack, started on first use. */
  static synchronized Stack get() {
    if (instance == null) {
      Path repository =
          Path.of(System.getProperty("animetracker.repository", "..")).toAbsolutePath();
      Map<String, String> environment = new HashMap<>();
      environment.put("STACK_DIR", repository.resolve("system-tests/target/stack").toString());
      environment.put("SKIP_BUILD", "1");
      environment.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
      environment.put("USER_SERVICE_PORT", String.valueOf(USER_SERVICE_PORT));
      environment.put("TORRENT_SERVICE_PORT", String.valueOf(TORRENT_SERVICE_PORT));
      environment.put("SEARCH_SERVICE_PORT", String.valueOf(SEARCH_SERVICE_PORT));
      environment.put("TRACKER_MANAGEMENT_PORT", String.valueOf(TRACKER_MANAGEMENT_PORT));
      environment.put("TRACKER_PORT", String.valueOf(TRACKER_PORT));
      environment.put("NOTIFICATION_SERVICE_PORT", String.valueOf(NOTIFICATION_SERVICE_PORT));
      environment.put("KAFKA_PORT", String.valueOf(KAFKA_PORT));
      environment.put("KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_CONTROLLER_PORT));
      environment.put("SMTP_PORT", String.valueOf(SMTP_PORT));
      environment.put("IMAP_PORT", String.valueOf(IMAP_PORT));
      environment.put("REDIS_DATABASE", String.valueOf(REDIS_DATABASE));
      environment.put("TRACKER_STATS_FLUSH_INTERVAL", "1s");
      // A day's digest in seconds, so CommunityFlowIT sees one arrive.
      environment.put("DIGEST_PERIOD", "15s");
      environment.put("REFRESH_REUSE_GRACE", REFRESH_REUSE_GRACE.toSeconds() + "s");
      environment.put("PUBLIC_BASE_URL", "http://localhost:" + GATEWAY_PORT);
      // The gateway's rate limits stay at their defaults: every simulated person sends from a
      // loopback address of its own (Visitor, Loopback) and RateLimitIT checks the limits.
      environment.put(
          "DB_NAME_PREFIX",
          "systest_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
      // The stack's databases are fresh, so user ids start at 1 again; per-user state an earlier
      // run left in the stack's Redis database (session versions, bans, limits) must go with them.
      flushRedisDatabase(REDIS_DATABASE);
      Stack stack = new Stack(repository, environment);
      stack.command(Duration.ofMinutes(6), "up");
      Runtime.getRuntime().addShutdownHook(new Thread(stack::down));
      instance = stack;
    }
    return instance;
  }

  private static void flushRedisDatabase(int database) {
    dev.animetracker.testsupport.Infrastructure.Redis redis =
        dev.animetracker.testsupport.Infrastructure.redis();
    io.lettuce.core.RedisClient client =
        io.lettuce.core.RedisClient.create(
            io.lettuce.core.RedisURI.builder()
                .withHost(redis.host())
                .withPort(redis.port())
                .withDatabase(database)
                .build());
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      client.shutdown();
    }
  }

  /**
   * A service token from the stack's user-service, as the operator's {@code make reindex} gets one
   * (client {@code operator}, the development secret of the dev profile).
   */
  static String serviceToken() {
    try {
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + USER_SERVICE_PORT + "/oauth2/token"))
                      .timeout(java.time.Duration.ofSeconds(10))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials&client_id=operator&client_secret="
                                  + "development-service-secret-not-for-production"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "No service token: " + answer.statusCode() + " " + answer.body());
      }
      return Api.JSON.readTree(answer.body()).path("access_token").asString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The public entry the helpers (Visitor, Torrents) talk to: this stack's gateway, or another
   * system's through {@code animetracker.base-url} (ClusterFaultsIT points it at {@code make
   * cluster}'s HAProxy).
   */
  static String baseUrl() {
    return System.getProperty("animetracker.base-url", "http://localhost:" + GATEWAY_PORT);
  }

  /**
   * The mail sink's IMAP port: this stack's, or another system's through {@code
   * animetracker.imap-port}.
   */
  static int imapPort() {
    return Integer.getInteger("animetracker.imap-port", IMAP_PORT);
  }

  /** Stops one component (kafka, mail, or a service name) while the rest keeps running. */
  void stop(String component) {
    command(Duration.ofMinutes(2), "stop", component);
  }

  /** Starts a stopped component again and waits until it is ready. */
  void start(String component) {
    command(Duration.ofMinutes(3), "start", component);
  }

  /**
   * A connection to one service's database of this stack ({@code users}, {@code torrents}, {@code
   * search} or {@code notifications}), for tests that must change what a service keeps behind its
   * back.
   */
  java.sql.Connection database(String service) throws java.sql.SQLException {
    return connect(environment.get("DB_NAME_PREFIX") + "_" + service);
  }

  /**
   * Runs an operator script of the repository (e.g. {@code infra/backup/backup.sh}) against this
   * stack: with its environment (ports, database prefix, Redis database, STACK_DIR) plus {@code
   * extra}.
   */
  void runScript(String script, Map<String, String> extra, Duration timeout, String... arguments) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(extra);
    Scripts.run(repository, script, merged, timeout, arguments);
  }

  /** Drops and re-creates this stack's database of {@code service}, empty (a lost disk). */
  void wipeDatabase(String service) throws java.sql.SQLException {
    String name = environment.get("DB_NAME_PREFIX") + "_" + service;
    try (java.sql.Connection connection = connect("postgres");
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    }
  }

  /** Empties this stack's Redis database (a lost Redis). */
  void wipeRedis() {
    flushRedisDatabase(REDIS_DATABASE);
  }

  /** The log file stack.sh writes a component's output to. */
  Path logOf(String component) {
    return Path.of(environment.get("STACK_DIR"), "logs", component + ".log");
  }

  private void down() {
    try {
      command(Duration.ofMinutes(2), "down");
    } catch (RuntimeException e) {
      log.warn("Stopping the system-test stack failed: {}", e.getMessage());
    }
    dropDatabases();
  }

  /** The databases were made for this run only (fresh prefix); leave nothing behind. */
  private void dropDatabases() {
    String prefix = environment.get("DB_NAME_PREFIX");
    try (java.sql.Connection connection = connect("postgres");
        java.sql.Statement statement = connection.createStatement()) {
      for (String service : List.of("users", "torrents", "search", "notifications")) {
        statement.execute("drop database if exists " + prefix + "_" + service + " with (force)");
      }
    } catch (java.sql.SQLException e) {
      log.warn("Could not drop the system-test databases {}_*: {}", prefix, e.getMessage());
    }
  }

  private static java.sql.Connection connect(String database) throws java.sql.SQLException {
    String url =
        "jdbc:postgresql://"
            + System.getenv().getOrDefault("DB_HOST", "127.0.0.1")
            + ":"
            + System.getenv().getOrDefault("DB_PORT", "5432")
            + "/"
            + database;
    return java.sql.DriverManager.getConnection(
        url,
        System.getenv().getOrDefault("DB_USER", "postgres"),
        System.getenv().getOrDefault("DB_PASSWORD", "postgres"));
  }

  private void command(Duration timeout, String... arguments) {
    Scripts.run(repository, "infra/devstack/stack.sh", environment, timeout, arguments);
  }
}
