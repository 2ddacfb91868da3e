package dev.animetracker.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With the management networks set to a range the test is not in, the actuator answers health and
 * info and hides everything else behind a 404, however the path is spelled.
 */
@TestPropertySource(properties = "animetracker.management.networks=10.99.0.0/16")
class ManagementEndpointsIT extends ApiTestSupport {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "text/plain, application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersEveryoneAndMetricsAreA404OutsideTheNetworks() throws Exception {
    assertThat(fetch("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(fetch("/actuator/health/liveness").statusCode()).isEqualTo(200);
    for (String path :
        new String[] {
          "/actuator/prometheus",
          "/actuator/prometheus/",
          "/actuator/%70rometheus",
          "/actuator;x=1/prometheus",
          "/actuator/metrics",
          "/actuator"
        }) {
      HttpResponse<String> answer = fetch(path);
      assertThat(answer.statusCode()).as(path).isIn(400, 404);
      assertThat(answer.body()).as(path).doesNotContain("jvm_").doesNotContain("http_server");
    }
  }
}
