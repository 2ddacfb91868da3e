package dev.animetracker.user.reset;

import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import dev.animetracker.user.token.InvalidTokenException;
import dev.animetracker.user.token.OneTimeTokens;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset. The public request only queues the address (the same work whether or not an
 * account exists, so neither the answer nor its timing reveals registered addresses); {@link
 * #processQueued} turns queued requests for real accounts into tokens and events.
 */
@Service
class PasswordResetService {

  private final JdbcClient jdbc;
  private final UserRepository users;
  private final OneTimeTokens tokens;
  private final Outbox outbox;
  private final PasswordEncoder passwordEncoder;
  private final PasswordResetWriter writer;
  private final UsersProperties properties;

  PasswordResetService(
      JdbcClient jdbc,
      UserRepository users,
      OneTimeTokens tokens,
      Outbox outbox,
      PasswordEncoder passwordEncoder,
      PasswordResetWriter writer,
      UsersProperties properties) {
    this.jdbc = jdbc;
    this.users = users;
    this.tokens = tokens;
    this.outbox = outbox;
    this.passwordEncoder = passwordEncoder;
    this.writer = writer;
    this.properties = properties;
  }

  /** Queues a request; nothing else, whatever the address. */
  public void request(String email) {
    jdbc.sql("insert into password_reset_request (email) values (:email)")
        .param("email", email)
        .update();
  }

  /**
   * Processes one batch of queued requests (rows locked with {@code SKIP LOCKED}, so several
   * instances share the queue).
   *
   * @return how many requests were taken from the queue
   */
  @Transactional
  public int processQueued(int batchSize) {
    List<QueuedRequest> batch =
        jdbc.sql(
                """
                select id, email from password_reset_request
                order by id limit :limit
                for update skip locked
                """)
            .param("limit", batchSize)
            .query(QueuedRequest.class)
            .list();
    for (QueuedRequest request : batch) {
      users.findByEmailIgnoreCase(request.email()).ifPresent(this::issueResetToken);
    }
    if (!batch.isEmpty()) {
      jdbc.sql("delete from password_reset_request where id in (:ids)")
          .param("ids", batch.stream().map(QueuedRequest::id).toList())
          .update();
    }
    return batch.size();
  }

  /** Issues and mails a token unless the mail throttle holds it back (silently: no enumeration). */
  private void issueResetToken(User user) {
    tokens
        .issueThrottled(
            OneTimeTokens.Kind.PASSWORD_RESET,
            user.getId(),
            properties.resetTokenTtl(),
            properties.mailThrottle())
        .ifPresent(token -> publish(user, token));
  }

  private void publish(User user, OneTimeTokens.Issued token) {
    outbox.publish(
        String.valueOf(user.getId()),
        new PasswordResetRequested(
            user.getId(),
            user.getUsername(),
            user.getEmail(),
            user.getLocale(),
            token.sealed(),
            token.expiresAt()));
  }

  /**
   * Sets a new password with a reset token. Proves control of the mailbox, so the account counts as
   * verified; every session is ended and every other reset link invalidated. The password is hashed
   * before the transaction ({@link PasswordResetWriter}) starts, and only for a token that can
   * still be redeemed.
   */
  public void confirm(String token, String newPassword) {
    // The cheap check first: an unknown token must not cost an Argon2 hash. The writer redeems
    // the token atomically, so a token used meanwhile still fails there.
    if (!tokens.isRedeemable(OneTimeTokens.Kind.PASSWORD_RESET, token)) {
      throw new InvalidTokenException();
    }
    writer.setPassword(token, passwordEncoder.encode(newPassword));
  }

  record QueuedRequest(long id, String email) {}
}
