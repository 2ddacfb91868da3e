package dev.animetracker.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.Topics;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.testsupport.EventLog;
import dev.animetracker.testsupport.Infrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole service on a random port against a fresh PostgreSQL
 * database, Redis and a real Kafka broker, driven only through its HTTP API and its events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  protected static final String ADMIN_PASSWORD = "admin-dev-password";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final EventLog EVENTS = new EventLog(Topics.USER_EVENTS);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerAll(registry, "it_users");
    // Each test context gets its own Redis keys, so runs never see each other's sessions.
    String prefix = "it-users-" + UUID.randomUUID() + ":";
    registry.add("animetracker.users.redis-key-prefix", () -> prefix);
    // User ids restart at 1 in every fresh database: the session states need their own keys too.
    registry.add("animetracker.users.session-state-key-prefix", () -> prefix + "session:");
    // Sessions left behind in the shared Redis expire soon after the run.
    registry.add("animetracker.users.refresh-token-ttl", () -> "15m");
    // Reuse is theft at once here; RefreshTokensClusterIT covers the grace window.
    registry.add("animetracker.users.refresh-reuse-grace", () -> "0s");
  }

  @LocalServerPort protected int port;

  @Autowired private JdbcClient idJdbc;

  /**
   * Every test context has its own database but all share the Kafka topic, and tests find their
   * events by user id: start each database's ids at a random point so two contexts' users never
   * share an id (with several contexts a test could otherwise take another one's token).
   */
  @BeforeEach
  void distinctUserIds() {
    long max = idJdbc.sql("select coalesce(max(id), 0) from users").query(Long.class).single();
    if (max < ID_FLOOR) {
      idJdbc
          .sql("select setval(pg_get_serial_sequence('users', 'id'), :start)")
          .param("start", ThreadLocalRandom.current().nextLong(ID_FLOOR, ID_FLOOR * 1_000_000))
          .query()
          .listOfRows();
    }
  }

  private static final long ID_FLOOR = 1_000_000;

  /** An HTTP answer. */
  protected record Response(int status, java.net.http.HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String text(String field) {
      JsonNode node = json().get(field);
      return node == null || node.isNull() ? null : node.asString();
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** Asserts a problem+json answer with this status and code. */
    public Response assertProblem(int expectedStatus, String code) {
      assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
      assertThat(header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(text("code")).isEqualTo(code);
      assertThat(json().get("status").asInt()).isEqualTo(expectedStatus);
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
      return this;
    }
  }

  /** A registered (and usually verified) user of a test. */
  protected record TestUser(long id, String username, String email, String password) {}

  /** A service token from our own token endpoint (client credentials, the development secret). */
  protected String serviceToken() {
    Response response =
        sendForm(
            ServiceAuthProperties.TOKEN_PATH,
            "grant_type=client_credentials&client_id=torrent-service&client_secret="
                + ServiceAuthProperties.DEVELOPMENT_SECRET,
            Map.of());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.text("access_token");
  }

  /** A GET of {@code /internal/**} as one of our services makes it. */
  protected Response getInternal(String path) {
    return get(path, serviceToken());
  }

  /** POSTs a form ({@code application/x-www-form-urlencoded}) as is. */
  protected Response sendForm(String path, String form, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected Response get(String path, String accessToken) {
    return send("GET", path, null, accessToken, Map.of());
  }

  protected Response post(String path, Object body) {
    return send("POST", path, body, null, Map.of());
  }

  protected Response post(String path, Object body, String accessToken) {
    return send("POST", path, body, accessToken, Map.of());
  }

  protected Response put(String path, Object body, String accessToken) {
    return send("PUT", path, body, accessToken, Map.of());
  }

  /** Sends a request; a String body is sent as is (to test malformed JSON), others as JSON. */
  protected Response send(
      String method, String path, Object body, String accessToken, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers a user and returns it (not yet verified). */
  protected TestUser register(String prefix) {
    String username = uniqueName(prefix);
    String email = username.toLowerCase() + "@example.org";
    String password = "correct horse " + username;
    Response response =
        post(
            "/api/auth/register",
            Map.of("username", username, "email", email, "password", password));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return new TestUser(response.json().get("id").asLong(), username, email, password);
  }

  @Autowired private MailTokenSealer mailTokens;

  /**
   * The verification token of a registration, opened from its {@code user.registered} event as
   * notification-service opens it.
   */
  protected String verificationToken(TestUser user) {
    return mailToken("user.registered", user.id());
  }

  /**
   * The token of the latest event of this type for the user ({@code user.registered}, {@code
   * user.verification-requested}, {@code user.password-reset-requested}), opened with the mail key.
   */
  protected String mailToken(String type, long userId) {
    JsonNode payload =
        awaitEvent(type, event -> event.get("userId").asLong() == userId).get("payload");
    boolean reset = type.equals("user.password-reset-requested");
    String sealed = payload.get(reset ? "sealedResetToken" : "sealedVerificationToken").asString();
    return mailTokens.open(
        sealed,
        reset ? MailTokenSealer.Purpose.PASSWORD_RESET : MailTokenSealer.Purpose.EMAIL_VERIFICATION,
        userId);
  }

  /** Registers and verifies a user. */
  protected TestUser registerVerified(String prefix) {
    TestUser user = register(prefix);
    Response verified = post("/api/auth/verify-email", Map.of("token", verificationToken(user)));
    assertThat(verified.status()).as(verified.body()).isEqualTo(204);
    return user;
  }

  protected Response login(String login, String password) {
    return post("/api/auth/login", Map.of("login", login, "password", password));
  }

  /** Logs in and returns the token response. */
  protected JsonNode tokens(String login, String password) {
    Response response = login(login, password);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  protected String accessToken(String login, String password) {
    return tokens(login, password).get("accessToken").asString();
  }

  /** Waits for an event of this type on {@code user-events} whose payload matches. */
  protected static JsonNode awaitEvent(String type, Predicate<JsonNode> payload) {
    return EVENTS.await(type, payload);
  }

  /** Every event of this type received so far whose payload matches. */
  protected static List<JsonNode> receivedEvents(String type, Predicate<JsonNode> payload) {
    return EVENTS.all(type, payload);
  }
}
