package dev.animetracker.common.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.testsupport.UserServiceStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Moved from search-service's feed tests; plus the uncached mode torrent-service uses. */
class ApiKeysTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UserServiceStub userService = UserServiceStub.onFreePort();
  private final MutableClock clock = new MutableClock();
  private final ApiKeys apiKeys = apiKeys(cached(userService.url()));

  @AfterEach
  void stop() {
    userService.close();
  }

  /** search-service's settings in its tests: 60 s, at most 2 keys. */
  private static UserServiceProperties cached(String url) {
    return new UserServiceProperties(
        url, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60), 2);
  }

  private ApiKeys apiKeys(UserServiceProperties properties) {
    return new ApiKeys(
        new UserServiceClient(properties, JSON, TestServiceTokens.forUserService(properties.url())),
        properties,
        clock);
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
  void withoutACacheEveryCallAsksSoARotatedKeyStopsAtOnce() {
    ApiKeys uncached =
        apiKeys(
            UserServiceProperties.withoutKeyCache(
                userService.url(), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    String key = userService.keyOf(7, "reader", true, true);

    assertThat(uncached.owner(key)).hasValue(new KeyOwner(7, "reader", true, true));
    assertThat(uncached.owner(key)).isPresent();
    assertThat(userService.lookups()).isEqualTo(2);
    userService.forget(key);
    assertThat(uncached.owner(key)).isEmpty();
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
        .isInstanceOf(UserServiceUnavailableException.class)
        .hasMessage(UserServiceClient.KEY_CHECK_UNAVAILABLE)
        .hasNoCause();
    ApiKeys nowhere = apiKeys(cached("http://127.0.0.1:1"));
    assertThatThrownBy(() -> nowhere.owner(UserServiceStub.newKey()))
        .isInstanceOf(UserServiceUnavailableException.class);
  }

  @Test
  void contactsAreReadAndAMissingUserIsEmpty() {
    UserServiceClient client =
        new UserServiceClient(
            cached(userService.url()), JSON, TestServiceTokens.forUserService(userService.url()));
    UserContact contact = new UserContact(5, "mika", "mika@example.org", "en", true, true);
    userService.putContact(5, contact);

    assertThat(client.contact(5)).hasValue(contact);
    assertThat(client.contact(6)).isEmpty();
    assertThat(userService.lookups(5)).isEqualTo(1);
    assertThatThrownBy(
            () ->
                new UserServiceClient(
                        cached("http://127.0.0.1:1"),
                        JSON,
                        TestServiceTokens.forUserService("http://127.0.0.1:1"))
                    .contact(5))
        .isInstanceOf(UserServiceUnavailableException.class)
        .hasNoCause();
  }
}
