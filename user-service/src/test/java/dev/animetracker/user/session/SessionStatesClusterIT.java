package dev.animetracker.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.testsupport.RedisCluster;
import dev.animetracker.user.UsersProperties;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The session-state script (one declared key per user) on a Redis Cluster. */
class SessionStatesClusterIT {

  private static LettuceConnectionFactory factory;
  private static SessionStates states;

  @BeforeAll
  static void connect() {
    factory =
        new LettuceConnectionFactory(new RedisClusterConfiguration(RedisCluster.shared().nodes()));
    factory.afterPropertiesSet();
    factory.start();
    UsersProperties properties =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("animetracker.users.session-state-key-prefix", "it-session:")))
            .bindOrCreate("animetracker.users", UsersProperties.class);
    states = new SessionStates(new StringRedisTemplate(factory), properties);
  }

  @AfterAll
  static void disconnect() {
    factory.destroy();
  }

  @Test
  void statesOfUsersOnEveryMasterOnlyMoveForward() {
    Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    // Enough users that their keys land on all three masters.
    for (long userId = 1; userId <= 30; userId++) {
      states.publish(userId, new SessionState(3, true, until));
      states.publish(userId, new SessionState(2, false, null));
      assertThat(states.read(userId)).isEqualTo(new SessionState(3, true, until));
      states.publish(userId, new SessionState(4, false, null));
      assertThat(states.read(userId)).isEqualTo(new SessionState(4, false, null));
    }
  }
}
