package dev.animetracker.common.security;

/** Refuses the development service secret on anything that is not a development machine. */
public final class ServiceSecrets {

  private ServiceSecrets() {}

  /**
   * @throws IllegalStateException if {@code secret} is the development default and neither the
   *     {@code dev} nor the {@code test} profile is active
   */
  public static void check(String secret, String[] activeProfiles) {
    if (!DevelopmentProfiles.active(activeProfiles)
        && ServiceAuthProperties.DEVELOPMENT_SECRET.equals(secret)) {
      throw new IllegalStateException(
          "Refusing to start: SERVICE_SECRET (animetracker.service-auth.secret) is the development"
              + " default, which is only accepted with the 'dev' or 'test' profile. Set"
              + " SERVICE_SECRET to the same random value (at least 32 characters) in every"
              + " service.");
    }
  }
}
