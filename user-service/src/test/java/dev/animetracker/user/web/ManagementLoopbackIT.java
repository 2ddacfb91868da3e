package dev.animetracker.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With the default management networks (loopback), a local Prometheus reads the metrics, including
 * the count of refused service-token requests.
 */
class ManagementLoopbackIT extends ApiTestSupport {

  @Test
  void loopbackReadsMetricsAndRefusedServiceCredentialsAreCounted() throws Exception {
    sendForm(
            "/oauth2/token",
            "grant_type=client_credentials&client_id=mallory&client_secret=guess",
            java.util.Map.of())
        .assertProblem(401, "invalid-client");

    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "text/plain")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("animetracker_service_tokens_refused_total\\{[^}]*\\} [1-9]");
  }
}
