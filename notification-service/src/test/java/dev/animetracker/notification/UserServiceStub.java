package dev.animetracker.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.animetracker.notification.user.UserContact;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for user-service's {@code GET /internal/users/{id}/contact} on a local port: known
 * users are answered as user-service would, unknown ones with a 404 problem.
 */
final class UserServiceStub implements AutoCloseable {

  private static final Pattern CONTACT = Pattern.compile("/internal/users/(\\d+)/contact");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<Long, UserContact> users = new ConcurrentHashMap<>();
  private final Map<Long, AtomicInteger> lookups = new ConcurrentHashMap<>();
  private HttpServer server;

  /** Starts answering on the port (0: any free port). */
  synchronized UserServiceStub start(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  synchronized int port() {
    return server.getAddress().getPort();
  }

  synchronized String url() {
    return "http://127.0.0.1:" + port();
  }

  void put(UserContact contact) {
    users.put(contact.id(), contact);
  }

  /** How many times the contact of this user was asked for. */
  int lookups(long id) {
    AtomicInteger count = lookups.get(id);
    return count == null ? 0 : count.get();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher matcher = CONTACT.matcher(exchange.getRequestURI().getPath());
      if (!"GET".equals(exchange.getRequestMethod()) || !matcher.matches()) {
        respond(
            exchange, 404, "application/problem+json", "{\"status\":404,\"code\":\"not-found\"}");
        return;
      }
      long id = Long.parseLong(matcher.group(1));
      lookups.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
      UserContact contact = users.get(id);
      if (contact == null) {
        respond(
            exchange,
            404,
            "application/problem+json",
            "{\"status\":404,\"code\":\"user-not-found\",\"detail\":\"There is no such user.\"}");
      } else {
        respond(exchange, 200, "application/json", JSON.writeValueAsString(contact));
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
