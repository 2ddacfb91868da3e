package dev.animetracker.common.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.user.UserServiceUnavailableException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.web.client.ResourceAccessException;

class ListenerFailuresTests {

  @Test
  void outagesOfWhatAListenerNeedsAreWaitedOutWhereverTheyAreWrapped() {
    assertThat(ListenerFailures.isOutage(wrapped(new CannotGetJdbcConnectionException("down"))))
        .isTrue();
    assertThat(ListenerFailures.isOutage(wrapped(new ResourceAccessException("refused")))).isTrue();
    assertThat(
            ListenerFailures.isOutage(
                wrapped(new RuntimeException("wrapper", new ConnectException("refused")))))
        .isTrue();
    assertThat(ListenerFailures.isOutage(wrapped(new UserServiceUnavailableException("down"))))
        .isTrue();
  }

  @Test
  void bugsAndBadRecordsAreNotOutages() {
    assertThat(ListenerFailures.isOutage(wrapped(new IllegalStateException("bug")))).isFalse();
    assertThat(ListenerFailures.isOutage(wrapped(new NullPointerException()))).isFalse();
    assertThat(ListenerFailures.isOutage(wrapped(new PoisonEventException("bad", null)))).isFalse();
  }

  private static Exception wrapped(Throwable cause) {
    return new ListenerExecutionFailedException("listener failed", cause);
  }
}
