package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The actuator on the public port: health for everyone, metrics only for the management networks.
 * Here the management network is one the test client (on loopback) is not in, so every spelling of
 * a metrics path must look like nothing is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementAccessIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    registry.add("animetracker.management.networks", () -> "192.0.2.0/24");
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void healthAnswersEveryone() {
    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void metricsAreInvisibleOutsideTheManagementNetworks() {
    for (String path :
        List.of(
            "/actuator/prometheus",
            "/actuator/%70rometheus",
            "/actuator/prometheus;x=1",
            "/actuator/prometheus/",
            "/actuator",
            "/actuator/env",
            "/actuator/metrics")) {
      client
          .get()
          .uri(URI.create("http://localhost:" + port + path))
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(path).isIn(400, 404))
          .expectBody(String.class)
          .value(body -> assertThat(body == null ? "" : body).as(path).doesNotContain("jvm_"));
    }
  }
}
