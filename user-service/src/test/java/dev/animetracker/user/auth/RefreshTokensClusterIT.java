package dev.animetracker.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.testsupport.RedisCluster;
import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.auth.RefreshTokens.Rotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real refresh-token scripts on a Redis Cluster: every script's keys share one slot, and a
 * just-rotated token presented again within the grace window (two gateways refreshing at once)
 * rotates into the same family, while a replay after the window revokes it.
 */
class RefreshTokensClusterIT {

  private static LettuceConnectionFactory factory;
  private static RefreshTokens tokens;

  @BeforeAll
  static void connect() {
    factory =
        new LettuceConnectionFactory(new RedisClusterConfiguration(RedisCluster.shared().nodes()));
    factory.afterPropertiesSet();
    factory.start();
    StringRedisTemplate redis = new StringRedisTemplate(factory);
    UsersProperties properties =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("animetracker.users.refresh-reuse-grace", "1s")))
            .bindOrCreate("animetracker.users", UsersProperties.class);
    tokens = new RefreshTokens(redis, properties);
  }

  @AfterAll
  static void disconnect() {
    factory.destroy();
  }

  @Test
  void concurrentRefreshesWithOneTokenBothSucceedInOneFamily() throws Exception {
    long userId = 7001;
    String first = tokens.issueNewFamily(userId);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Rotation>> refreshes =
        List.of(rotateAfter(start, first), rotateAfter(start, first));
    start.countDown();
    Rotation a = refreshes.get(0).get();
    Rotation b = refreshes.get(1).get();

    assertThat(a).isInstanceOf(Rotation.Rotated.class).isEqualTo(b);
    String familyId = ((Rotation.Rotated) a).familyId();
    String next = tokens.issueInFamily(userId, familyId);
    String other = tokens.issueInFamily(userId, familyId);
    assertThat(tokens.rotate(next)).isEqualTo(new Rotation.Rotated(userId, familyId));
    assertThat(tokens.rotate(other)).isEqualTo(new Rotation.Rotated(userId, familyId));
  }

  @Test
  void aReplayAfterTheGraceWindowRevokesTheFamily() {
    long userId = 7002;
    String first = tokens.issueNewFamily(userId);
    Rotation rotated = tokens.rotate(first);
    String familyId = ((Rotation.Rotated) rotated).familyId();
    String next = tokens.issueInFamily(userId, familyId);

    await()
        .pollDelay(Duration.ofMillis(1100))
        .atMost(Duration.ofSeconds(5))
        .until(() -> tokens.rotate(first) instanceof Rotation.Reused);
    assertThat(tokens.rotate(next)).isEqualTo(new Rotation.Invalid());
    assertThat(tokens.issueInFamily(userId, familyId)).isNull();
  }

  @Test
  void revokingEveryFamilyOfAUserWorksAcrossTheCluster() {
    long userId = 7003;
    String phone = tokens.issueNewFamily(userId);
    String laptop = tokens.issueNewFamily(userId);
    assertThat(tokens.revokeByToken(phone)).hasValue(userId);
    assertThat(tokens.rotate(phone)).isEqualTo(new Rotation.Invalid());
    tokens.revokeAll(userId);
    assertThat(tokens.rotate(laptop)).isEqualTo(new Rotation.Invalid());
    assertThat(tokens.rotate("malformed")).isEqualTo(new Rotation.Invalid());
  }

  private static CompletableFuture<Rotation> rotateAfter(CountDownLatch start, String token) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return tokens.rotate(token);
        });
  }
}
