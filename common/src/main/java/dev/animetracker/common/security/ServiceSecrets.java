package dev.animetracker.common.security;

import java.util.Arrays;
import java.util.Set;

/** Refuses the development service secret on anything that is not a development machine. */
public final class ServiceSecrets {

  private static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test");

  private ServiceSecrets() {}

  /**
   * @throws IllegalStateException if {@code secret} is the development default and neither the
   *     {@code dev} nor the {@code test} profile is active
   */
  public static void check(String secret, String[] activeProfiles) {
    boolean development = Arrays.stream(activeProfiles).anyMatch(DEVELOPMENT_PROFILES::contains);
    if (!development && ServiceAuthProperties.DEVELOPMENT_SECRET.equals(secret)) {
      throw new IllegalStateException(
          "Refusing to start: SERVICE_SECRET (animetracker.service-auth.secret) is the development"
              + " default, which is only accepted with the 'dev' or 'test' profile. Set"
              + " SERVICE_SECRET to the same random value (at least 32 characters) in every"
              + " service.");
    }
  }
}
