package dev.animetracker.gateway.ui;

import org.jspecify.annotations.Nullable;

/** The web forms, as posted. */
final class Forms {

  private Forms() {}

  record RegisterForm(
      @Nullable String username, @Nullable String email, @Nullable String password) {}

  record LoginForm(@Nullable String login, @Nullable String password, @Nullable String redirect) {}

  record EmailForm(@Nullable String email) {}

  record TokenForm(@Nullable String token) {}

  record NewPasswordForm(
      @Nullable String token, @Nullable String newPassword, @Nullable String repeatPassword) {}

  record CommentForm(@Nullable String text) {}

  record TorrentEditForm(
      @Nullable String title,
      @Nullable String description,
      @Nullable String category,
      @Nullable String tags) {}

  record PreferencesForm(@Nullable String notifyOnComment) {}

  static String trimmed(@Nullable String value) {
    return value == null ? "" : value.trim();
  }

  static String raw(@Nullable String value) {
    return value == null ? "" : value;
  }
}
