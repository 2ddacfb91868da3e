package dev.animetracker.tracker.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away {@code redis-server} of a test's own (no persistence, a free port), which the test
 * may kill and start again on the same port: what a Redis outage looks like to the tracker. Needs
 * the {@code redis-server} binary (Debian package {@code redis-server}, which {@code make test}
 * installs for the shared Redis anyway).
 */
public final class RedisProcess implements AutoCloseable {

  private final int port;
  private final Path log;
  private @Nullable Process process;

  public RedisProcess() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
      log = Files.createTempFile("redis-outage", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  public int port() {
    return port;
  }

  /** Starts the server and waits until it accepts connections. */
  public void start() {
    try {
      process =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The Redis outage test starts its own redis-server; install it (apt-get install"
              + " redis-server)",
          e);
    }
    await().atMost(Duration.ofSeconds(10)).until(this::accepting);
  }

  /** Kills the server (SIGKILL: an outage, not a shutdown) and waits until the port is closed. */
  public void kill() {
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
      await().atMost(Duration.ofSeconds(10)).until(() -> !running.isAlive() && !accepting());
      process = null;
    }
  }

  private boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    kill();
  }
}
