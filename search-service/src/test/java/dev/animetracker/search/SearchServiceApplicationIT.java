package dev.animetracker.search;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchServiceApplicationIT {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_search");
    Infrastructure.registerKafka(registry);
  }

  @LocalServerPort int port;

  @Test
  void startsAgainstRealInfrastructureAndServesHealthMetricsAndProblems() {
    ServiceChecks.assertOperational(port);
    ServiceChecks.assertDescribed(port, "search-service");
  }
}
