package dev.animetracker.user.bootstrap;

import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ensures the moderator account {@code admin} exists, is active and has the password from {@code
 * ADMIN_PASSWORD}. Outside the {@code dev} and {@code test} profiles the development default
 * password is refused and the service does not start.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  static final String DEFAULT_PASSWORD = "admin-dev-password";
  private static final List<String> DEVELOPMENT_PROFILES = List.of("dev", "test");
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final TransactionTemplate transactions;
  private final UsersProperties.Admin admin;

  AdminBootstrap(
      UserRepository users,
      PasswordEncoder passwordEncoder,
      TransactionTemplate transactions,
      UsersProperties properties,
      Environment environment) {
    checkPassword(properties.admin().password(), environment.getActiveProfiles());
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.transactions = transactions;
    this.admin = properties.admin();
  }

  /** Refuses the development default password unless a development profile is active. */
  static void checkPassword(String password, String[] activeProfiles) {
    boolean development = Arrays.stream(activeProfiles).anyMatch(DEVELOPMENT_PROFILES::contains);
    if (!development && DEFAULT_PASSWORD.equals(password)) {
      throw new DefaultAdminPasswordException(
          "Refusing to start: ADMIN_PASSWORD is the development default '"
              + DEFAULT_PASSWORD
              + "', which is only accepted with the 'dev' profile. Set ADMIN_PASSWORD to a secret"
              + " of your own (or run with SPRING_PROFILES_ACTIVE=dev on a development machine).");
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      ensureAdmin();
    } catch (DataIntegrityViolationException e) {
      // Another instance created it at the same moment; make sure it is as configured.
      ensureAdmin();
    }
  }

  private void ensureAdmin() {
    transactions.executeWithoutResult(
        status -> {
          Optional<User> existing = users.findByUsernameIgnoreCase(admin.username());
          if (existing.isEmpty()) {
            User user =
                new User(
                    admin.username(),
                    admin.email(),
                    passwordEncoder.encode(admin.password()),
                    "ru");
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
        });
  }
}
