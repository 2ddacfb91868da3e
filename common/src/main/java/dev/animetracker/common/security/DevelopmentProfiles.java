package dev.animetracker.common.security;

import java.util.Arrays;
import java.util.Set;

/**
 * Whether the service runs on a development machine ({@code dev} or {@code test} profile): the only
 * place where the published development defaults of secrets (admin password, service secret, mail
 * token key) are accepted.
 */
public final class DevelopmentProfiles {

  private static final Set<String> DEVELOPMENT = Set.of("dev", "test");

  private DevelopmentProfiles() {}

  public static boolean active(String[] activeProfiles) {
    return Arrays.stream(activeProfiles).anyMatch(DEVELOPMENT::contains);
  }
}
