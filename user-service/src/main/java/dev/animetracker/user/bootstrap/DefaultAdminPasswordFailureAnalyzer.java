package dev.animetracker.user.bootstrap;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused default admin password as a short start-up failure report. */
class DefaultAdminPasswordFailureAnalyzer
    extends AbstractFailureAnalyzer<DefaultAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DefaultAdminPasswordException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set the ADMIN_PASSWORD environment variable to a strong secret, or activate the 'dev'"
            + " profile (SPRING_PROFILES_ACTIVE=dev) on a development machine.",
        cause);
  }
}
