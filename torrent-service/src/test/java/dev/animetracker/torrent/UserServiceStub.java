package dev.animetracker.torrent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for user-service's {@code GET /internal/users/by-api-key/{key}} on a local port: known
 * keys answer like user-service (200 owner JSON), unknown ones with its 404 {@code user-not-found}
 * problem, and "broken" keys with a 500 (user-service failing).
 */
public final class UserServiceStub {

  private static final String PREFIX = "/internal/users/by-api-key/";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Random RANDOM = new Random();

  private record Owner(long id, String username, boolean moderator, boolean active) {}

  private final Map<String, Owner> owners = new ConcurrentHashMap<>();
  private final Map<String, Boolean> broken = new ConcurrentHashMap<>();
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

  /** A new key (user-service's shape: 64 lower-case hex) owned by this user. */
  public String keyOf(long id, String username, boolean active) {
    String key = newKey();
    owners.put(key, new Owner(id, username, false, active));
    return key;
  }

  /** A well-formed key for which the stub answers 500. */
  public String brokenKey() {
    String key = newKey();
    broken.put(key, true);
    return key;
  }

  /** How many key lookups reached the stub so far. */
  public int lookups() {
    return lookups.get();
  }

  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)) {
        respond(exchange, 404, "{\"status\":404,\"code\":\"not-found\"}");
        return;
      }
      lookups.incrementAndGet();
      String key = path.substring(PREFIX.length());
      Owner owner = owners.get(key);
      if (broken.containsKey(key)) {
        respond(exchange, 500, "{\"status\":500,\"code\":\"internal-error\"}");
      } else if (owner == null) {
        respond(
            exchange,
            404,
            "{\"status\":404,\"code\":\"user-not-found\",\"detail\":\"There is no such user.\"}");
      } else {
        respond(exchange, 200, JSON.writeValueAsString(owner));
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
