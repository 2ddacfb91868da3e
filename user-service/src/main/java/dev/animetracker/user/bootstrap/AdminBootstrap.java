package dev.animetracker.user.bootstrap;

import dev.animetracker.common.security.DevelopmentProfiles;
import dev.animetracker.user.UsersProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Ensures the moderator account {@code admin} exists, is active and has the password from {@code
 * ADMIN_PASSWORD}. Outside the {@code dev} and {@code test} profiles the development default
 * password is refused and the service does not start.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  static final String DEFAULT_PASSWORD = "admin-dev-password";

  private final AdminAccountWriter writer;

  AdminBootstrap(AdminAccountWriter writer, UsersProperties properties, Environment environment) {
    checkPassword(properties.admin().password(), environment.getActiveProfiles());
    this.writer = writer;
  }

  /** Refuses the development default password unless a development profile is active. */
  static void checkPassword(String password, String[] activeProfiles) {
    if (!DevelopmentProfiles.active(activeProfiles) && DEFAULT_PASSWORD.equals(password)) {
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
      writer.ensureAdmin();
    } catch (DataIntegrityViolationException e) {
      // Another instance created it at the same moment; make sure it is as configured.
      writer.ensureAdmin();
    }
  }
}
