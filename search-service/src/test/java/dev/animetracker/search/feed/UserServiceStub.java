package dev.animetracker.search.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for user-service's {@code GET /internal/users/by-api-key/{key}} on a local port: known
 * keys answer with the owner as user-service does, unknown ones with its 404 {@code user-not-found}
 * problem, broken ones with a 500.
 */
final class UserServiceStub implements AutoCloseable {

  private static final String PREFIX = "/internal/users/by-api-key/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> owners = new ConcurrentHashMap<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();
  private final AtomicInteger lookups = new AtomicInteger();
  private final HttpServer server;

  UserServiceStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A new key of an account. */
  String keyOf(long id, String username, boolean active) {
    String key = newKey();
    owners.put(
        key,
        "{\"id\":%d,\"username\":\"%s\",\"moderator\":false,\"active\":%s,\"extra\":1}"
            .formatted(id, username, active));
    return key;
  }

  /** A well-formed key user-service fails on. */
  String brokenKey() {
    String key = newKey();
    broken.add(key);
    return key;
  }

  /** The key stops existing (rotated). */
  void forget(String key) {
    owners.remove(key);
  }

  int lookups() {
    return lookups.get();
  }

  static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith(PREFIX)) {
        respond(exchange, 404, "{\"status\":404,\"code\":\"not-found\"}");
        return;
      }
      lookups.incrementAndGet();
      String key = path.substring(PREFIX.length());
      String owner = owners.get(key);
      if (broken.contains(key)) {
        respond(exchange, 500, "{\"status\":500,\"code\":\"internal-error\"}");
      } else if (owner == null) {
        respond(exchange, 404, "{\"status\":404,\"code\":\"user-not-found\"}");
      } else {
        respond(exchange, 200, owner);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
