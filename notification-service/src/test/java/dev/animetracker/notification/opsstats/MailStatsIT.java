package dev.animetracker.notification.opsstats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.notification.mail.MailDeliveryRepository;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.TestJwks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/notifications/stats}: the queue now and mails queued, sent and failed per UTC day
 * (a give-up records its day); moderators only; a bad {@code days} is a 400 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MailStatsIT {

  private static final String ISSUER = "animetracker";
  private static final TestJwks JWKS = new TestJwks(ISSUER);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PATH = "/api/notifications/stats";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_mail_stats");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.jwt.jwks-uri", JWKS::jwksUri);
    registry.add("animetracker.notification.jwt.issuer", () -> ISSUER);
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper mapper;
  @Autowired MailDeliveryRepository deliveries;

  private record Answer(int status, String contentType, JsonNode json) {}

  private Answer get(String query, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH + query))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        mapper.readTree(response.body()));
  }

  private static String moderator() {
    return JWKS.token(5, "mod", List.of("USER", "MODERATOR"));
  }

  /** A mail in {@code status}, queued at {@code created}, sent or given up at {@code done}. */
  private long mail(String status, Instant created, Instant done) {
    Instant due = status.equals("PENDING") ? Instant.now().plus(1, ChronoUnit.DAYS) : created;
    return jdbc.sql(
            """
            insert into mail_delivery (event_id, kind, recipient, locale, subject, text_body,
                                       html_body, status, attempts, next_attempt_at, created_at,
                                       sent_at, failed_at)
            values (:event, 'verification', 'a@example.test', 'ru', 's', '', '', :status, 1, :due,
                    :created, :sent, :failed)
            returning id
            """)
        .param("event", UUID.randomUUID())
        .param("status", status)
        .param("due", utc(due))
        .param("created", utc(created))
        .param("sent", status.equals("SENT") ? utc(done) : null)
        .param("failed", status.equals("FAILED") ? utc(done) : null)
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static JsonNode day(JsonNode stats, LocalDate day) {
    return StreamSupport.stream(stats.get("perDay").spliterator(), false)
        .filter(entry -> entry.get("day").asString().equals(day.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(day + " missing in " + stats));
  }

  @Test
  void countsTheQueueAndEachDaysMails() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant now = Instant.now();
    Instant threeDaysAgo = today.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Instant longAgo = today.minusDays(40).atTime(12, 0).toInstant(ZoneOffset.UTC);
    mail("PENDING", threeDaysAgo, null);
    mail("PENDING", now, null);
    mail("SENT", threeDaysAgo, threeDaysAgo.plusSeconds(5));
    mail("SENT", threeDaysAgo, now);
    mail("FAILED", threeDaysAgo, threeDaysAgo.plusSeconds(60));
    mail("SENT", longAgo, longAgo);
    // The worker gives one up now: its day is today's.
    long givenUp = mail("PENDING", now, null);
    deliveries.markFailed(givenUp, 8, "550 no such user");

    JsonNode stats = get("?days=30", moderator()).json();
    assertThat(stats.get("pending").asLong()).isEqualTo(2);
    assertThat(Instant.parse(stats.get("oldestPending").asString())).isEqualTo(threeDaysAgo);
    assertThat(stats.get("perDay")).hasSize(30);
    JsonNode earlier = day(stats, today.minusDays(3));
    assertThat(earlier.get("queued").asLong()).isEqualTo(4);
    assertThat(earlier.get("sent").asLong()).isEqualTo(1);
    assertThat(earlier.get("failed").asLong()).isEqualTo(1);
    JsonNode todays = day(stats, today);
    assertThat(todays.get("queued").asLong()).isEqualTo(2);
    assertThat(todays.get("sent").asLong()).isEqualTo(1);
    assertThat(todays.get("failed").asLong()).isEqualTo(1);
    long total = 0;
    for (JsonNode entry : stats.get("perDay")) {
      total += entry.get("sent").asLong();
    }
    assertThat(total).as("the mail sent 40 days ago is outside the window").isEqualTo(2);

    JsonNode week = get("?days=2", moderator()).json();
    assertThat(week.get("perDay")).hasSize(2);
    assertThat(week.get("first").asString()).isEqualTo(today.minusDays(1).toString());
  }

  @Test
  void onlyModeratorsMayReadAndDaysIsChecked() throws Exception {
    Answer anonymous = get("", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    Answer fan = get("", JWKS.token(6, "fan", List.of("USER")));
    assertThat(fan.status()).isEqualTo(403);
    assertThat(fan.json().get("code").asString()).isEqualTo("forbidden");
    for (String bad : new String[] {"0", "91", "seven"}) {
      Answer answer = get("?days=" + bad, moderator());
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("code").asString()).isEqualTo("invalid-days");
    }
    assertThat(get("", moderator()).json().get("days").asInt()).isEqualTo(30);
  }
}
