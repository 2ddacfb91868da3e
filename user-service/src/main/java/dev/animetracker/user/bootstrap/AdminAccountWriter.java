package dev.animetracker.user.bootstrap;

import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates or corrects the moderator account in one transaction. Apart from {@link AdminBootstrap}
 * so its retry after a lost creation race runs in a fresh transaction: a call within one bean would
 * not pass the transaction proxy.
 */
@Component
class AdminAccountWriter {

  private static final Logger log = LoggerFactory.getLogger(AdminAccountWriter.class);

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final UsersProperties.Admin admin;

  AdminAccountWriter(
      UserRepository users, PasswordEncoder passwordEncoder, UsersProperties properties) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.admin = properties.admin();
  }

  /** The account exists, is an active moderator and has the configured password. */
  @Transactional
  public void ensureAdmin() {
    Optional<User> existing = users.findByUsernameIgnoreCase(admin.username());
    if (existing.isEmpty()) {
      User user =
          new User(admin.username(), admin.email(), passwordEncoder.encode(admin.password()), "ru");
      user.setActive(true);
      user.setModerator(true);
      users.saveAndFlush(user);
      log.info("Created the moderator account '{}'", admin.username());
      return;
    }
    User user = existing.get();
    user.setActive(true);
    user.setModerator(true);
    if (!passwordEncoder.matches(admin.password(), user.getPasswordHash())) {
      user.setPasswordHash(passwordEncoder.encode(admin.password()));
      log.info("Updated the password of '{}' from ADMIN_PASSWORD", admin.username());
    }
  }
}
