package dev.animetracker.common.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** What a service gets when it imports the client: the settings, validated, and both beans. */
class UserServiceClientConfigurationTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
          .withUserConfiguration(UserServiceClientConfiguration.class)
          .withPropertyValues(
              "animetracker.service-auth.client-id=torrent-service", "spring.profiles.active=test");

  @Test
  void defaultsAskUserServiceLocallyWithShortTimeoutsAndNoKeyCache() {
    context.run(
        started -> {
          UserServiceProperties properties = started.getBean(UserServiceProperties.class);
          assertThat(properties.url()).isEqualTo("http://127.0.0.1:8081");
          assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.cachesKeys()).isFalse();
          assertThat(properties.keyCacheSize()).isEqualTo(10_000);
          assertThat(started)
              .hasSingleBean(UserServiceClient.class)
              .hasSingleBean(ApiKeys.class)
              .hasSingleBean(ServiceTokens.class);
        });
  }

  @Test
  void settingsBindUnderOnePrefix() {
    context
        .withPropertyValues(
            "animetracker.user-service.url=http://users:8081",
            "animetracker.user-service.key-cache-ttl=60s",
            "animetracker.user-service.key-cache-size=2")
        .run(
            started -> {
              UserServiceProperties properties = started.getBean(UserServiceProperties.class);
              assertThat(properties.url()).isEqualTo("http://users:8081");
              assertThat(properties.keyCacheTtl()).isEqualTo(Duration.ofSeconds(60));
              assertThat(properties.keyCacheSize()).isEqualTo(2);
            });
  }

  @Test
  void theDevelopmentServiceSecretOutsideDevelopmentAShortSecretOrNoClientIdStopTheStart() {
    context
        .withPropertyValues("spring.profiles.active=prod")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("SERVICE_SECRET"));
    context
        .withPropertyValues(
            "spring.profiles.active=prod",
            "animetracker.service-auth.secret=an-operator-secret-long-enough-for-us-1234")
        .run(started -> assertThat(started).hasNotFailed());
    context
        .withPropertyValues("animetracker.service-auth.secret=too-short")
        .run(started -> assertThat(started).hasFailed());
    context
        .withPropertyValues("animetracker.service-auth.client-id=")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void invalidSettingsStopTheStart() {
    context
        .withPropertyValues("animetracker.user-service.url=ftp://users")
        .run(started -> assertThat(started).hasFailed());
    context
        .withPropertyValues("animetracker.user-service.key-cache-size=0")
        .run(started -> assertThat(started).hasFailed());
  }
}
