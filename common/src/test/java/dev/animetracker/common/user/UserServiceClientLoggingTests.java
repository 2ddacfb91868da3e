package dev.animetracker.common.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.animetracker.testsupport.UserServiceStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** An API key is a credential: a failed lookup must not write it into the log. */
class UserServiceClientLoggingTests {

  private final Logger logger = (Logger) LoggerFactory.getLogger(UserServiceClient.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  @Test
  void anUnreachableUserServiceIsLoggedWithoutTheKey() {
    String key = UserServiceStub.newKey();
    // Nothing listens on port 1: RestClient's message quotes the whole URL, key included.
    UserServiceClient client =
        new UserServiceClient(
            new UserServiceProperties(
                "http://127.0.0.1:1",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ZERO,
                1),
            JsonMapper.builder().build(),
            TestServiceTokens.forUserService("http://127.0.0.1:1"));

    assertThatThrownBy(() -> client.keyOwner(key))
        .isInstanceOf(UserServiceUnavailableException.class)
        .hasMessage(UserServiceClient.KEY_CHECK_UNAVAILABLE);

    assertThat(appender.list).isNotEmpty();
    assertThat(appender.list)
        .allSatisfy(
            event -> {
              assertThat(event.getFormattedMessage()).doesNotContain(key).contains("[api-key]");
              assertThat(event.getThrowableProxy()).isNull();
            });
  }
}
