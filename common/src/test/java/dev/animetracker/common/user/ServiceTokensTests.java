package dev.animetracker.common.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.testsupport.UserServiceStub;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Service tokens against the user-service stub's token endpoint and internal API. */
class ServiceTokensTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UserServiceStub userService = UserServiceStub.onFreePort();
  private final MutableClock clock = new MutableClock();

  @AfterEach
  void stop() {
    userService.close();
  }

  private UserServiceClient client(ServiceTokens tokens) {
    return new UserServiceClient(
        UserServiceProperties.withoutKeyCache(
            userService.url(), Duration.ofSeconds(1), Duration.ofSeconds(2)),
        JSON,
        tokens);
  }

  @Test
  void oneTokenServesEveryCallUntilShortlyBeforeItExpires() {
    UserServiceClient client =
        client(
            TestServiceTokens.forUserService(
                userService.url(), ServiceAuthProperties.DEVELOPMENT_SECRET, clock));
    userService.putContact(5, new UserContact(5, "mika", "mika@example.org", "en", true, true));

    assertThat(client.contact(5)).isPresent();
    assertThat(client.contact(5)).isPresent();
    assertThat(userService.tokensIssued()).isEqualTo(1);
    assertThat(userService.unauthenticatedCalls()).isZero();

    // The stub's tokens live 300 s; one is replaced 60 s before it ends.
    clock.advance(Duration.ofSeconds(239));
    assertThat(client.contact(5)).isPresent();
    assertThat(userService.tokensIssued()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    assertThat(client.contact(5)).isPresent();
    assertThat(userService.tokensIssued()).isEqualTo(2);
  }

  @Test
  void concurrentFirstCallsFetchOneToken() throws Exception {
    ServiceTokens tokens = TestServiceTokens.forUserService(userService.url());
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      var futures = IntStream.range(0, 32).mapToObj(i -> pool.submit(tokens::current)).toList();
      for (Future<String> future : futures) {
        assertThat(future.get()).startsWith("stub-service-token-");
      }
    }
    assertThat(userService.tokensIssued()).isEqualTo(1);
  }

  @Test
  void aRefusedTokenIsDroppedAndTheNextCallFetchesAFreshOne() {
    UserServiceClient client = client(TestServiceTokens.forUserService(userService.url()));
    userService.putContact(5, new UserContact(5, "mika", "mika@example.org", "en", true, true));
    assertThat(client.contact(5)).isPresent();

    userService.revokeServiceTokens();
    assertThatThrownBy(() -> client.contact(5)).isInstanceOf(UserServiceUnavailableException.class);
    assertThat(client.contact(5)).isPresent();
    assertThat(userService.tokensIssued()).isEqualTo(2);
    assertThat(userService.unauthenticatedCalls()).isEqualTo(1);
  }

  @Test
  void aWrongSecretGetsNoTokenAndTheCallIsUnavailableWithoutReachingTheApi() {
    UserServiceClient client =
        client(
            TestServiceTokens.forUserService(
                userService.url(), "a-secret-that-user-service-does-not-know-at-all", clock));

    assertThatThrownBy(() -> client.contact(5))
        .isInstanceOf(UserServiceUnavailableException.class)
        .hasMessageContaining("No service token");
    assertThatThrownBy(() -> client.keyOwner(UserServiceStub.newKey()))
        .isInstanceOf(UserServiceUnavailableException.class)
        .hasMessage(UserServiceClient.KEY_CHECK_UNAVAILABLE);
    assertThat(userService.tokensIssued()).isZero();
    assertThat(userService.lookups()).isZero();
  }

  @Test
  void theDevelopmentSecretIsRefusedOutsideDevelopmentProfiles() {
    String secret = ServiceAuthProperties.DEVELOPMENT_SECRET;
    assertThatThrownBy(
            () -> dev.animetracker.common.security.ServiceSecrets.check(secret, new String[] {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SERVICE_SECRET");
    assertThatThrownBy(
            () ->
                dev.animetracker.common.security.ServiceSecrets.check(
                    secret, new String[] {"prod"}))
        .isInstanceOf(IllegalStateException.class);
    dev.animetracker.common.security.ServiceSecrets.check(secret, new String[] {"dev"});
    dev.animetracker.common.security.ServiceSecrets.check(secret, new String[] {"test"});
    dev.animetracker.common.security.ServiceSecrets.check(
        "an-operator-secret-of-forty-characters-xx", new String[] {});
  }
}
