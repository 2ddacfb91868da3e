package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiKeysTests {

  private final UserServiceStub userService = new UserServiceStub();
  private final MutableClock clock = new MutableClock();
  private final ApiKeys apiKeys =
      new ApiKeys(
          FeedTestSupport.properties(userService.url()), JsonMapper.builder().build(), clock);

  @AfterEach
  void stop() {
    userService.close();
  }

  @Test
  void validKeysAreRememberedForTheTtl() {
    String key = userService.keyOf(7, "reader", true);

    assertThat(apiKeys.owner(key)).hasValueSatisfying(owner -> assertThat(owner.id()).isEqualTo(7));
    assertThat(apiKeys.owner(key)).isPresent();
    assertThat(userService.lookups()).isEqualTo(1);

    userService.forget(key);
    clock.advance(Duration.ofSeconds(59));
    assertThat(apiKeys.owner(key)).as("still cached").isPresent();
    clock.advance(Duration.ofSeconds(2));
    assertThat(apiKeys.owner(key)).as("expired, asked again, gone").isEmpty();
    assertThat(userService.lookups()).isEqualTo(2);
  }

  @Test
  void unknownKeysAreAskedEveryTimeSoANewKeyWorksAtOnce() {
    String key = UserServiceStub.newKey();
    assertThat(apiKeys.owner(key)).isEmpty();
    assertThat(apiKeys.owner(key)).isEmpty();
    assertThat(userService.lookups()).isEqualTo(2);
  }

  @Test
  void inactiveAccountsKeysAreRefused() {
    assertThat(apiKeys.owner(userService.keyOf(8, "idle", false))).isEmpty();
  }

  @Test
  void malformedKeysNeverLeaveTheService() {
    assertThat(apiKeys.owner(null)).isEmpty();
    assertThat(apiKeys.owner("")).isEmpty();
    assertThat(apiKeys.owner("../../actuator")).isEmpty();
    assertThat(apiKeys.owner(UserServiceStub.newKey().toUpperCase())).isEmpty();
    assertThat(apiKeys.owner(UserServiceStub.newKey() + "0")).isEmpty();
    assertThat(userService.lookups()).isZero();
  }

  @Test
  void theCacheIsBounded() {
    String a = userService.keyOf(1, "a", true);
    String b = userService.keyOf(2, "b", true);
    String c = userService.keyOf(3, "c", true);
    apiKeys.owner(a);
    apiKeys.owner(b);
    apiKeys.owner(c); // capacity 2 in the test settings: a is evicted
    apiKeys.owner(c);
    apiKeys.owner(a);
    assertThat(userService.lookups()).isEqualTo(4);
  }

  @Test
  void aFailingOrUnreachableUserServiceIsReportedNotTakenAsInvalid() {
    assertThatThrownBy(() -> apiKeys.owner(userService.brokenKey()))
        .isInstanceOf(ApiKeys.UserServiceUnavailableException.class);
    ApiKeys nowhere =
        new ApiKeys(
            FeedTestSupport.properties("http://127.0.0.1:1"), JsonMapper.builder().build(), clock);
    assertThatThrownBy(() -> nowhere.owner(UserServiceStub.newKey()))
        .isInstanceOf(ApiKeys.UserServiceUnavailableException.class);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
