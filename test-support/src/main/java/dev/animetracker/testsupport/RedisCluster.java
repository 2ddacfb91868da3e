package dev.animetracker.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Redis Cluster of three masters and three replicas from the machine's {@code redis-server} (7.0
 * or later; no Docker), on free loopback ports with a temporary directory of its own and no
 * persistence. One per test JVM, shared ({@link #shared()}), stopped when the JVM exits. Tests may
 * kill a master ({@link #killMaster}) to see its replica take over, and start it again ({@link
 * #restart}) so that it rejoins as a replica.
 */
public final class RedisCluster {

  private static final int NODES = 6;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static RedisCluster shared;

  private final Path directory;
  private final List<Integer> ports;
  private final Process[] processes = new Process[NODES];

  private RedisCluster() {
    try {
      directory = Files.createTempDirectory("redis-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ports = freePorts();
    for (int i = 0; i < NODES; i++) {
      start(i);
    }
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    command.addAll(nodes());
    command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    run(command);
    awaitState();
  }

  /** The cluster of this JVM, created on first use. */
  public static synchronized RedisCluster shared() {
    if (shared == null) {
      RedisCluster cluster = new RedisCluster();
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "redis-cluster-stop"));
      shared = cluster;
    }
    return shared;
  }

  /** Every node as {@code 127.0.0.1:port}, what {@code spring.data.redis.cluster.nodes} takes. */
  public List<String> nodes() {
    return ports.stream().map(port -> "127.0.0.1:" + port).toList();
  }

  /** Registers the cluster as {@code spring.data.redis.cluster.nodes} (host/port then unused). */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", nodes()));
  }

  /** The port of the master that serves this key now. */
  public int masterOf(String key) {
    int slot = Integer.parseInt(cli(ports.get(0), "CLUSTER", "KEYSLOT", key).strip());
    for (String line : cli(ports.get(0), "CLUSTER", "NODES").split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
        continue;
      }
      for (int i = 8; i < fields.length; i++) {
        String[] range = fields[i].split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        if (slot >= from && slot <= to) {
          return Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1).split("@")[0]);
        }
      }
    }
    throw new IllegalStateException("No master serves slot " + slot);
  }

  /**
   * Kills the master on this port with SIGKILL (a crash, not a shutdown) and waits until its
   * replica has taken over and the cluster is {@code ok} again.
   */
  public void killMaster(int port) {
    int index = ports.indexOf(port);
    processes[index].destroyForcibly();
    try {
      processes[index].waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitState();
  }

  /** Waits until every replica of the master on this port has its whole replication stream. */
  public void awaitReplicated(int port) {
    await("replicas of " + port + " in sync")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              String info = cli(port, "INFO", "replication");
              String offset =
                  info.lines()
                      .filter(line -> line.startsWith("master_repl_offset:"))
                      .findFirst()
                      .orElseThrow()
                      .substring("master_repl_offset:".length())
                      .strip();
              List<String> replicas =
                  info.lines().filter(line -> line.matches("slave\\d+:.*")).toList();
              return !replicas.isEmpty()
                  && replicas.stream().allMatch(line -> line.contains("offset=" + offset + ","));
            });
  }

  /** Starts a killed node again on its port and configuration; it rejoins as a replica. */
  public void restart(int port) {
    start(ports.indexOf(port));
    awaitState();
  }

  /** Runs {@code redis-cli} against one node and returns its output. */
  public String cli(int port, String... arguments) {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    command.addAll(List.of(arguments));
    return run(command);
  }

  private void start(int index) {
    int port = ports.get(index);
    Path home = directory.resolve(Integer.toString(port));
    try {
      Files.createDirectories(home);
      processes[index] =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  "nodes.conf",
                  // Fails a dead master over within about two seconds.
                  "--cluster-node-timeout",
                  "1000",
                  "--dir",
                  home.toString(),
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("log").toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The Redis Cluster fixture starts redis-server; install it (apt-get install"
              + " redis-server)",
          e);
    }
    await("redis-server on port " + port + " (log in " + home + ")")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> accepting(port));
  }

  /** Waits until every live node reports {@code cluster_state:ok} and agrees on the masters. */
  private void awaitState() {
    await("Redis Cluster state ok (logs in " + directory + ")")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(this::healthy);
  }

  private boolean healthy() {
    for (int i = 0; i < NODES; i++) {
      if (processes[i] == null || !processes[i].isAlive()) {
        continue;
      }
      String info = cli(ports.get(i), "CLUSTER", "INFO");
      if (!info.contains("cluster_state:ok")) {
        return false;
      }
      long liveMasters =
          cli(ports.get(i), "CLUSTER", "NODES")
              .lines()
              .filter(line -> line.contains("master") && !line.contains("fail"))
              .filter(line -> line.split(" ").length > 8)
              .count();
      if (liveMasters != 3) {
        return false;
      }
    }
    return true;
  }

  private void stop() {
    for (Process process : processes) {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(
          "The Redis Cluster fixture needs redis-cli (apt-get install redis-tools)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Six ports whose cluster bus ports (port + 10000) are free too. */
  private static List<Integer> freePorts() {
    Set<Integer> chosen = new HashSet<>();
    while (chosen.size() < NODES) {
      int port = ThreadLocalRandom.current().nextInt(20000, 40000);
      if (!chosen.contains(port) && free(port) && free(port + 10000)) {
        chosen.add(port);
      }
    }
    return chosen.stream().sorted().collect(Collectors.toList());
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean accepting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
