package dev.animetracker.gateway.ui.account;

import org.jspecify.annotations.Nullable;

/** The account pages' forms, as posted. */
final class AccountForms {

  private AccountForms() {}

  record RegisterForm(
      @Nullable String username, @Nullable String email, @Nullable String password) {}

  record LoginForm(@Nullable String login, @Nullable String password, @Nullable String redirect) {}

  record EmailForm(@Nullable String email) {}

  record TokenForm(@Nullable String token) {}

  record NewPasswordForm(
      @Nullable String token, @Nullable String newPassword, @Nullable String repeatPassword) {}
}
