package dev.animetracker.tracker;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "animetracker.tracker.port=0",
      "animetracker.tracker.torrent-service-url=http://127.0.0.1:1"
    })
class TrackerServiceApplicationIT {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerRedis(registry);
    Infrastructure.registerKafka(registry);
  }

  @LocalServerPort int port;

  @Test
  void startsAgainstRealInfrastructureAndServesHealthMetricsAndProblems() {
    ServiceChecks.assertOperational(port);
    ServiceChecks.assertDescribed(port, "tracker-service");
  }
}
