package dev.animetracker.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system as {@code make cluster} runs it (infra/cluster/cluster.sh): two instances of every
 * service behind HAProxy, three Kafka brokers, a Redis Cluster of three masters and three replicas.
 * This class does not start or stop the cluster ({@code make test-cluster} does, around the test
 * JVM); it kills one process by the pid in its pid file and has cluster.sh start it again.
 *
 * <p>Processes are named as their pid files are ({@code var/cluster/pids/<name>.pid}): {@code
 * gateway-1}, {@code tracker-service-2}, {@code kafka-3}, {@code redis-7002}.
 */
final class Cluster {

  private static final Logger log = LoggerFactory.getLogger(Cluster.class);

  /** Where the ports and directories come from: system properties the cluster profile sets. */
  record Settings(
      Path repository,
      Path pids,
      String baseUrl,
      int trackerPort,
      int imapPort,
      List<Integer> redisPorts) {

    static Settings fromSystemProperties() {
      Path repository =
          Path.of(System.getProperty("animetracker.repository", "..")).toAbsolutePath().normalize();
      Path pids =
          Path.of(
              System.getProperty(
                  "animetracker.cluster.pids", repository.resolve("var/cluster/pids").toString()));
      List<Integer> redisPorts = new ArrayList<>();
      for (String port :
          System.getProperty("animetracker.cluster.redis-ports", "7001,7002,7003,7004,7005,7006")
              .split(",")) {
        redisPorts.add(Integer.parseInt(port.trim()));
      }
      return new Settings(
          repository,
          pids,
          System.getProperty("animetracker.base-url", "http://localhost:8080"),
          Integer.getInteger("animetracker.tracker-port", 6969),
          Integer.getInteger("animetracker.imap-port", 3143),
          List.copyOf(redisPorts));
    }
  }

  private final Settings settings;

  Cluster(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  /** The pid in a process's pid file. */
  long pid(String name) {
    Path file = settings.pids().resolve(name + ".pid");
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new IllegalStateException(
          "No pid file " + file + ": is make cluster running (make cluster-status)?", e);
    }
  }

  /** {@code kill -9} of one process; returns once it is gone. */
  void kill(String name) {
    long pid = pid(name);
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
    // destroyForcibly is SIGKILL on Linux: no shutdown hook, no graceful drain.
    process.destroyForcibly();
    process.onExit().orTimeout(20, TimeUnit.SECONDS).join();
    log.info("killed {} (pid {})", name, pid);
  }

  /**
   * Starts a killed process again and waits until it is healthy and back in HAProxy's rotation:
   * {@code cluster.sh up} starts exactly what is not running (every step skips a live process).
   */
  void start(String name) {
    log.info("starting {} again", name);
    run(Duration.ofMinutes(4), "up");
  }

  /** A Redis Cluster master that serves slots and is not failing, as {@code redis-<port>}. */
  String redisMaster() {
    for (int port : settings.redisPorts()) {
      Optional<String> nodes = redisCli(port, "cluster", "nodes");
      if (nodes.isEmpty()) {
        continue;
      }
      for (String line : nodes.get().split("\n")) {
        // <id> <ip:port@cport[,hostname]> <flags> <master> <ping> <pong> <epoch> <state> <slots...>
        String[] fields = line.trim().split(" ");
        if (fields.length > 8
            && fields[2].contains("master")
            && !fields[2].contains("fail")
            && "connected".equals(fields[7])) {
          String address = fields[1].split("[@,]")[0];
          return "redis-" + address.substring(address.lastIndexOf(':') + 1);
        }
      }
    }
    throw new IllegalStateException(
        "no Redis Cluster master with slots on " + settings.redisPorts());
  }

  /** Whether every slot is served ({@code cluster_state:ok}) as seen from a live node. */
  boolean redisClusterOk() {
    for (int port : settings.redisPorts()) {
      Optional<String> info = redisCli(port, "cluster", "info");
      if (info.isPresent()) {
        return info.get().contains("cluster_state:ok");
      }
    }
    return false;
  }

  private static Optional<String> redisCli(int port, String... command) {
    List<String> line = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      return output.startsWith("Could not connect") ? Optional.empty() : Optional.of(output);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void run(Duration timeout, String... arguments) {
    Scripts.run(settings.repository(), "infra/cluster/cluster.sh", Map.of(), timeout, arguments);
  }
}
