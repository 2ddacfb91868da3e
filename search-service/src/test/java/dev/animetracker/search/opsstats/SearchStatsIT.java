package dev.animetracker.search.opsstats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.search.SearchTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/search/stats}: searches counted in memory land on their UTC day once flushed,
 * several instances' counts add up; moderators only; a bad {@code days} is a 400 problem.
 */
class SearchStatsIT extends SearchTestSupport {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired SearchVolume volume;

  @Autowired SearchDays days;

  @Autowired SearchStatsProperties properties;

  private record Answer(int status, String contentType, JsonNode json) {}

  private Answer stats(String query, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search/stats" + query))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        JSON.readTree(response.body()));
  }

  private static String moderator() {
    return JWKS.token(77, "mod", List.of("USER", "MODERATOR"));
  }

  private long searchesOn(LocalDate day) throws IOException, InterruptedException {
    Answer answer = stats("?days=30", moderator());
    assertThat(answer.status()).isEqualTo(200);
    return StreamSupport.stream(answer.json().get("perDay").spliterator(), false)
        .filter(entry -> entry.get("day").asString().equals(day.toString()))
        .findFirst()
        .orElseThrow()
        .get("searches")
        .asLong();
  }

  @Test
  void searchesAreCountedPerDayAndInstancesAddUp() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    volume.flush();
    long before = searchesOn(today);

    for (int i = 0; i < 3; i++) {
      search("q", uniqueWord("counted")).assertStatus(200);
    }
    volume.flush();
    assertThat(searchesOn(today)).isEqualTo(before + 3);

    // A second instance counting at the same time: both flushes add to the same row.
    SearchVolume other = new SearchVolume(days, properties);
    for (int i = 0; i < 5; i++) {
      other.count();
    }
    search("q", uniqueWord("counted")).assertStatus(200);
    other.flush();
    volume.flush();
    assertThat(searchesOn(today)).isEqualTo(before + 9);

    // Counts keep their own day: an instance whose clock says three days ago.
    LocalDate past = today.minusDays(3);
    long pastBefore = searchesOn(past);
    SearchVolume earlier =
        new SearchVolume(
            days,
            properties,
            Clock.fixed(past.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    earlier.count();
    earlier.count();
    earlier.flush();
    earlier.flush();
    assertThat(searchesOn(past)).isEqualTo(pastBefore + 2);
    assertThat(searchesOn(today)).isEqualTo(before + 9);
  }

  @Test
  void theWindowHasEveryDay() throws Exception {
    Answer week = stats("?days=7", moderator());
    assertThat(week.status()).isEqualTo(200);
    assertThat(week.json().get("days").asInt()).isEqualTo(7);
    assertThat(week.json().get("perDay")).hasSize(7);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(week.json().get("first").asString()).isEqualTo(today.minusDays(6).toString());
    assertThat(week.json().get("perDay").get(6).get("day").asString()).isEqualTo(today.toString());
    assertThat(stats("", moderator()).json().get("perDay")).hasSize(30);
  }

  @Test
  void onlyModeratorsMayReadAndDaysIsChecked() throws Exception {
    Answer anonymous = stats("", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    Answer fan = stats("", JWKS.token(78, "fan", List.of("USER")));
    assertThat(fan.status()).isEqualTo(403);
    assertThat(fan.json().get("code").asString()).isEqualTo("forbidden");
    for (String bad : new String[] {"0", "91", "x", "-1"}) {
      Answer answer = stats("?days=" + bad, moderator());
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("code").asString()).isEqualTo("invalid-days");
    }
  }
}
