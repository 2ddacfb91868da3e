package dev.animetracker.tracker.redis;

import ch.qos.logback.classic.Level;
import dev.animetracker.testsupport.Infrastructure;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code make bench-tracker-memory}: the Redis memory one peer costs ({@code MEMORY USAGE} of every
 * tracker key / peers) for a few large swarms and for many small ones, against the goal of at most
 * {@value #GOAL_BYTES_PER_PEER} bytes a peer. Uses database 12 of the Redis that {@code
 * Infrastructure} finds ({@code REDIS_HOST}/{@code REDIS_PORT}, flushed before each case).
 *
 * <p>Arguments: pairs of {@code swarms peersPerSwarm} (default {@code 1 20000 2000 10}). Exits 1
 * when a case misses the goal.
 */
public final class RedisMemoryBenchmark {

  private static final Logger log = LoggerFactory.getLogger(RedisMemoryBenchmark.class);

  static final long GOAL_BYTES_PER_PEER = 100;
  private static final int DATABASE = 12;

  private RedisMemoryBenchmark() {}

  /** One case's figures. */
  record Result(int swarms, int peersPerSwarm, int keys, long bytes, int peers) {

    long bytesPerPeer() {
      return bytes / peers;
    }
  }

  public static void main(String[] args) {
    // No Spring Boot here to configure logging: keep the Redis client's debug output and
    // Testcontainers' complaint about a missing Docker (a local Redis is used then) out.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.testcontainers"))
        .setLevel(Level.OFF);
    ((ch.qos.logback.classic.Logger) log).setLevel(Level.INFO);
    int[] cases = args.length == 0 ? new int[] {1, 20000, 2000, 10} : parse(args);
    Infrastructure.Redis server = Infrastructure.redis();
    boolean allMet = true;
    log.info(
        String.format(
            "Redis memory per peer (goal <= %d B/peer)%n%8s %8s %8s %12s %8s  %s",
            GOAL_BYTES_PER_PEER, "swarms", "peers/sw", "keys", "bytes", "B/peer", "goal"));
    for (int i = 0; i + 1 < cases.length; i += 2) {
      Result result = measure(server, cases[i], cases[i + 1]);
      boolean met = result.bytesPerPeer() <= GOAL_BYTES_PER_PEER;
      allMet &= met;
      log.info(
          String.format(
              "%8d %8d %8d %12d %8d  %s",
              result.swarms(),
              result.peersPerSwarm(),
              result.keys(),
              result.bytes(),
              result.bytesPerPeer(),
              met ? "met" : "MISSED"));
    }
    System.exit(allMet ? 0 : 1);
  }

  static Result measure(Infrastructure.Redis server, int swarms, int peersPerSwarm) {
    try (FilledSwarms filled =
        FilledSwarms.fill(server.host(), server.port(), DATABASE, swarms, peersPerSwarm)) {
      if (filled.synced != swarms) {
        throw new IllegalStateException(filled.synced + " of " + swarms + " swarms synced");
      }
      RedisClusterCommands<byte[], byte[]> commands = filled.commands();
      List<byte[]> keys = filled.keys();
      long bytes = 0;
      for (byte[] key : keys) {
        bytes += commands.memoryUsage(key);
      }
      commands.flushdb();
      return new Result(swarms, peersPerSwarm, keys.size(), bytes, filled.peers);
    }
  }

  private static int[] parse(String[] args) {
    int[] values = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = Integer.parseInt(args[i]);
    }
    return values;
  }
}
