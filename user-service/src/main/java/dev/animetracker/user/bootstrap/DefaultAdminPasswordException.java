package dev.animetracker.user.bootstrap;

/** The development default admin password outside development: the service must not start. */
public class DefaultAdminPasswordException extends IllegalStateException {

  public DefaultAdminPasswordException(String message) {
    super(message);
  }
}
