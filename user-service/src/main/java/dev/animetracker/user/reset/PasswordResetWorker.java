package dev.animetracker.user.reset;

import dev.animetracker.user.token.OneTimeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drains the password reset queue every second and purges old one-time tokens hourly. */
@Component
class PasswordResetWorker {

  private static final Logger log = LoggerFactory.getLogger(PasswordResetWorker.class);
  private static final int BATCH = 100;

  private final PasswordResetService resets;
  private final OneTimeTokens tokens;

  PasswordResetWorker(PasswordResetService resets, OneTimeTokens tokens) {
    this.resets = resets;
    this.tokens = tokens;
  }

  @Scheduled(
      fixedDelayString = "${animetracker.users.password-reset-poll-interval:1s}",
      initialDelayString = "${animetracker.users.password-reset-poll-interval:1s}")
  void drainQueue() {
    try {
      while (resets.processQueued(BATCH) == BATCH) {
        log.debug("Processed a full batch of password reset requests");
      }
    } catch (RuntimeException e) {
      log.warn("Processing password reset requests failed: {}", e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purgeExpiredTokens() {
    try {
      int removed = tokens.purgeExpired();
      if (removed > 0) {
        log.info("Removed {} expired one-time tokens", removed);
      }
    } catch (RuntimeException e) {
      log.warn("Purging expired one-time tokens failed: {}", e.getMessage());
    }
  }
}
