package dev.animetracker.notification.community;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends due digests: every {@link DigestProperties#effectivePollInterval()} up to {@code
 * batch-size} users, each in a transaction of its own ({@link DigestSender}). Safe with several
 * instances (the user row lock), so every instance runs it.
 */
@Component
public class DigestWorker implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(DigestWorker.class);

  private final DigestSender sender;
  private final DigestProperties properties;

  DigestWorker(DigestSender sender, DigestProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::sendDue, properties.effectivePollInterval());
  }

  /** One round: digests of due users until none is left or the batch is full. */
  public void sendDue() {
    try {
      for (int i = 0; i < properties.batchSize(); i++) {
        if (sender.sendNext() == DigestSender.Outcome.NOTHING_DUE) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // user-service or the database is unavailable; nothing was marked, the next round retries.
      log.warn("Digest round failed: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
    }
  }
}
