package dev.animetracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Checks every service owes the platform: health, metrics and problem+json for unknown routes. */
public final class ServiceChecks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceChecks() {}

  /**
   * Asserts that the service on this port is healthy, scrapable and answers unknown routes
   * properly.
   */
  public static void assertOperational(int port) {
    HttpResponse<String> health = get(port, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");

    HttpResponse<String> metrics = get(port, "/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");

    HttpResponse<String> unknown = get(port, "/api/no-such-route");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(unknown.body()).contains("\"code\":\"not-found\"").doesNotContain("Exception");
  }

  /**
   * Asserts that the service on this port describes its public API ({@code /api/**} and the feeds,
   * nothing internal) exactly as the description the gateway serves, {@code
   * gateway/src/main/resources/openapi/<service>.json}: a change to an endpoint fails here until
   * the description is refreshed (run the test with {@code -Dopenapi.update=true} to write it), so
   * {@code /api/docs} never lags behind the code.
   */
  public static void assertDescribed(int port, String service) {
    HttpResponse<String> docs = get(port, "/v3/api-docs");
    assertThat(docs.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
    ObjectNode live = (ObjectNode) JSON.readTree(docs.body());
    // The address the test server happened to listen on; the gateway names its own.
    live.remove("servers");
    assertThat(live.path("paths").propertyNames())
        .as("documented paths of %s", service)
        .isNotEmpty()
        .allSatisfy(
            path -> assertThat(path).doesNotStartWith("/internal").doesNotStartWith("/actuator"));
    Path snapshot =
        repositoryRoot().resolve("gateway/src/main/resources/openapi/" + service + ".json");
    String written = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n";
    try {
      if (Boolean.getBoolean("openapi.update")) {
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, written);
      }
      assertThat(Files.exists(snapshot))
          .as("%s is missing: run this test with -Dopenapi.update=true", snapshot)
          .isTrue();
      assertThat(JSON.readTree(Files.readString(snapshot)))
          .as(
              "%s's API changed but %s did not: run this test with -Dopenapi.update=true and"
                  + " commit the file",
              service, snapshot)
          .isEqualTo(live);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("gateway/src/main/resources"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** A plain GET against localhost. */
  public static HttpResponse<String> get(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " on port " + port + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
