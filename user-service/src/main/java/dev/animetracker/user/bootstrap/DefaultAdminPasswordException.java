package dev.animetracker.user.bootstrap;

/** The development default admin password outside development: the service must not start. */
class DefaultAdminPasswordException extends IllegalStateException {

  DefaultAdminPasswordException(String message) {
    super(message);
  }
}
