package dev.animetracker.testsupport;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for user-service's internal API on a local port, for the services that call it:
 *
 * <ul>
 *   <li>{@code GET /internal/users/by-api-key/{key}}: known keys answer with the owner as
 *       user-service does (plus a field it may add later), unknown ones with its 404 {@code
 *       user-not-found} problem, broken ones with a 500;
 *   <li>{@code GET /internal/users/{id}/contact}: known users answer with their contact, unknown
 *       ones with the 404 problem;
 *   <li>{@code GET /api/users/{username}} (the public profile, no token): {@linkplain #putProfile
 *       put} users answer with id and username, matched case-insensitively, others with the 404
 *       problem;
 *   <li>{@code POST /oauth2/token}: client credentials with {@link #DEVELOPMENT_SECRET} get a
 *       service token, anything else the 401 {@code invalid_client} of user-service;
 *   <li>{@code PUT /api/users/{username}/ban} (the public API, called with a moderator's token):
 *       recorded ({@link #banCalls()}) and answered 200, or 404 {@code user-not-found} for names
 *       {@linkplain #unknownUser(String) marked unknown}.
 * </ul>
 *
 * Like user-service, {@code /internal/**} answers 401 without a service token it issued (and not
 * {@linkplain #revokeServiceTokens() revoked} since).
 *
 * <p>Anything else is a 404 {@code not-found}. Not started by the constructor, so a test can start
 * it late on a chosen port (user-service coming back); {@link #onFreePort()} starts one at once.
 */
public final class UserServiceStub implements AutoCloseable {

  /** The development service secret (common's {@code ServiceAuthProperties}). */
  public static final String DEVELOPMENT_SECRET = "development-service-secret-not-for-production";

  /** user-service's token endpoint. */
  public static final String TOKEN_PATH = "/oauth2/token";

  private static final String TOKEN_PREFIX = "stub-service-token-";
  private static final String BY_KEY = "/internal/users/by-api-key/";
  private static final String PROFILE = "/api/users/";
  private static final Pattern CONTACT = Pattern.compile("/internal/users/(\\d+)/contact");
  private static final Pattern BAN = Pattern.compile("/api/users/([^/]+)/ban");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> owners = new ConcurrentHashMap<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();
  private final AtomicInteger keyLookups = new AtomicInteger();
  private final Map<Long, String> contacts = new ConcurrentHashMap<>();
  private final Map<Long, AtomicInteger> contactLookups = new ConcurrentHashMap<>();
  private final Map<String, String> profiles = new ConcurrentHashMap<>();
  private final Set<String> serviceTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicInteger unauthenticated = new AtomicInteger();
  private final java.util.List<BanCall> banCalls =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Set<String> unknownUsers = ConcurrentHashMap.newKeySet();
  private HttpServer server;

  /**
   * A ban request as received.
   *
   * @param username the path's username
   * @param authorization the {@code Authorization} header (the moderator's bearer token)
   * @param body the JSON body as sent
   */
  public record BanCall(String username, String authorization, String body) {}

  /** A stub answering on a free port. */
  public static UserServiceStub onFreePort() {
    return new UserServiceStub().start(0);
  }

  /** Starts answering on the port (0: any free port). */
  public synchronized UserServiceStub start(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  public synchronized int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, for {@code animetracker.user-service.url}. */
  public synchronized String url() {
    return "http://127.0.0.1:" + port();
  }

  // ------------------------------------------------------------------ API keys

  /** A new key (user-service's shape: 64 lower-case hex) of an account without moderator role. */
  public String keyOf(long id, String username, boolean active) {
    return keyOf(id, username, false, active);
  }

  /** A new key of an account. */
  public String keyOf(long id, String username, boolean moderator, boolean active) {
    String key = newKey();
    owners.put(
        key,
        "{\"id\":%d,\"username\":%s,\"moderator\":%s,\"active\":%s,\"extra\":1}"
            .formatted(id, JSON.writeValueAsString(username), moderator, active));
    return key;
  }

  /** A new key of a banned account (user-service reports it inactive and banned). */
  public String bannedKeyOf(long id, String username) {
    String key = newKey();
    owners.put(
        key,
        "{\"id\":%d,\"username\":%s,\"moderator\":false,\"active\":false,\"banned\":true}"
            .formatted(id, JSON.writeValueAsString(username)));
    return key;
  }

  /** A well-formed key for which the stub answers 500 (user-service failing). */
  public String brokenKey() {
    String key = newKey();
    broken.add(key);
    return key;
  }

  /** The key stops existing (rotated). */
  public void forget(String key) {
    owners.remove(key);
  }

  /** How many key lookups reached the stub so far. */
  public int lookups() {
    return keyLookups.get();
  }

  /** A random key in user-service's shape, known to no stub. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  // ------------------------------------------------------------------ contacts

  /**
   * Answers {@code GET /internal/users/{id}/contact} with this body from now on.
   *
   * @param contact a record with user-service's contact fields (id, username, email, locale,
   *     notifyOnComment, active), written as JSON
   */
  public void putContact(long id, Object contact) {
    contacts.put(id, JSON.writeValueAsString(contact));
  }

  /** How many times the contact of this user was asked for. */
  public int lookups(long id) {
    AtomicInteger count = contactLookups.get(id);
    return count == null ? 0 : count.get();
  }

  // ------------------------------------------------------------------ bans

  /** Every {@code PUT /api/users/{username}/ban} received so far, in order. */
  public java.util.List<BanCall> banCalls() {
    return java.util.List.copyOf(banCalls);
  }

  /** Bans of this username answer 404 {@code user-not-found} from now on. */
  public void unknownUser(String username) {
    unknownUsers.add(username);
  }

  // ------------------------------------------------------------------ public profiles

  /** Answers {@code GET /api/users/{username}} (any case) with this account from now on. */
  public void putProfile(long id, String username) {
    profiles.put(
        username.toLowerCase(java.util.Locale.ROOT),
        "{\"id\":%d,\"username\":%s,\"moderator\":false,\"banned\":false}"
            .formatted(id, JSON.writeValueAsString(username)));
  }

  // ------------------------------------------------------------------ service tokens

  /** How many service tokens the stub handed out. */
  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** How many {@code /internal} calls came without a valid service token (and got a 401). */
  public int unauthenticatedCalls() {
    return unauthenticated.get();
  }

  /** Every token issued so far stops working (as after a key rotation in user-service). */
  public void revokeServiceTokens() {
    serviceTokens.clear();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (TOKEN_PATH.equals(path) && "POST".equals(exchange.getRequestMethod())) {
        issueToken(exchange);
      } else if (path.startsWith("/internal/") && !authenticated(exchange)) {
        unauthenticated.incrementAndGet();
        respond(exchange, 401, "{\"status\":401,\"code\":\"unauthorized\"}");
      } else if ("PUT".equals(exchange.getRequestMethod()) && BAN.matcher(path).matches()) {
        ban(exchange, BAN.matcher(path));
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 404, "{\"status\":404,\"code\":\"not-found\"}");
      } else if (path.startsWith(BY_KEY)) {
        keyLookups.incrementAndGet();
        String key = path.substring(BY_KEY.length());
        String owner = owners.get(key);
        if (broken.contains(key)) {
          respond(exchange, 500, "{\"status\":500,\"code\":\"internal-error\"}");
        } else {
          respondFound(exchange, owner);
        }
      } else if (path.startsWith(PROFILE)) {
        String name = path.substring(PROFILE.length());
        respondFound(exchange, profiles.get(name.toLowerCase(java.util.Locale.ROOT)));
      } else {
        Matcher contact = CONTACT.matcher(path);
        if (contact.matches()) {
          long id = Long.parseLong(contact.group(1));
          contactLookups.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet();
          respondFound(exchange, contacts.get(id));
        } else {
          respond(exchange, 404, "{\"status\":404,\"code\":\"not-found\"}");
        }
      }
    }
  }

  private void ban(HttpExchange exchange, Matcher matcher) throws IOException {
    matcher.matches();
    String username = matcher.group(1);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    banCalls.add(
        new BanCall(username, exchange.getRequestHeaders().getFirst("Authorization"), body));
    if (unknownUsers.contains(username)) {
      respondFound(exchange, null);
    } else {
      respond(
          exchange,
          200,
          "{\"username\":%s,\"banned\":true}".formatted(JSON.writeValueAsString(username)));
    }
  }

  private void issueToken(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = new java.util.HashMap<>();
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    if (!"client_credentials".equals(fields.get("grant_type"))
        || fields.get("client_id") == null
        || !DEVELOPMENT_SECRET.equals(fields.get("client_secret"))) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String token = TOKEN_PREFIX + tokensIssued.incrementAndGet();
    serviceTokens.add(token);
    respond(
        exchange,
        200,
        "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"internal\"}"
            .formatted(token));
  }

  private boolean authenticated(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null
        && header.startsWith("Bearer ")
        && serviceTokens.contains(header.substring("Bearer ".length()));
  }

  private static void respondFound(HttpExchange exchange, String body) throws IOException {
    if (body == null) {
      respond(
          exchange,
          404,
          "{\"status\":404,\"code\":\"user-not-found\",\"detail\":\"There is no such user.\"}");
    } else {
      respond(exchange, 200, body);
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
