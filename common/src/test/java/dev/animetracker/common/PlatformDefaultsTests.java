package dev.animetracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The defaults that depend on the environment: log format by profile, OTLP export when asked. */
class PlatformDefaultsTests {

  @Test
  void productionLogsAreJsonAndNothingIsExportedByDefault() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");

    assertThat(PlatformDefaults.derivedDefaults(environment))
        .isEqualTo(Map.of(PlatformDefaults.CONSOLE_FORMAT_PROPERTY, "ecs"));
  }

  @Test
  void developmentAndTestLogsStayText() {
    for (String profile : new String[] {"dev", "test"}) {
      MockEnvironment environment = new MockEnvironment();
      environment.setActiveProfiles(profile);

      assertThat(PlatformDefaults.derivedDefaults(environment)).as(profile).isEmpty();
    }
  }

  @Test
  void logFormatOverridesTheProfileEitherWay() {
    MockEnvironment dev = new MockEnvironment().withProperty("LOG_FORMAT", "Logstash");
    dev.setActiveProfiles("dev");
    MockEnvironment prod = new MockEnvironment().withProperty("LOG_FORMAT", "text");
    prod.setActiveProfiles("prod");

    assertThat(PlatformDefaults.derivedDefaults(dev))
        .containsEntry(PlatformDefaults.CONSOLE_FORMAT_PROPERTY, "logstash");
    assertThat(PlatformDefaults.derivedDefaults(prod)).isEmpty();
  }

  @Test
  void anOtlpEndpointIsSetOnlyWhenGiven() {
    MockEnvironment blank = new MockEnvironment().withProperty("OTLP_TRACING_ENDPOINT", " ");
    blank.setActiveProfiles("dev");
    MockEnvironment given =
        new MockEnvironment()
            .withProperty("OTLP_TRACING_ENDPOINT", "http://collector:4318/v1/traces");
    given.setActiveProfiles("dev");

    assertThat(PlatformDefaults.derivedDefaults(blank)).isEmpty();
    assertThat(PlatformDefaults.derivedDefaults(given))
        .isEqualTo(
            Map.of(PlatformDefaults.OTLP_ENDPOINT_PROPERTY, "http://collector:4318/v1/traces"));
  }
}
