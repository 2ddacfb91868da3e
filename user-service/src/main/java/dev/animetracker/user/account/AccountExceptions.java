package dev.animetracker.user.account;

import dev.animetracker.common.web.DomainException;
import org.springframework.http.HttpStatus;

/** The account rules a request can break. */
public final class AccountExceptions {

  private AccountExceptions() {}

  /** A username or e-mail address is already registered (case-insensitively). */
  public static class AccountTakenException extends DomainException {
    AccountTakenException(String code, String detail) {
      super(HttpStatus.CONFLICT, code, detail);
    }

    public static AccountTakenException username() {
      return new AccountTakenException("username-taken", "This username is already taken.");
    }

    public static AccountTakenException email() {
      return new AccountTakenException(
          "email-taken", "An account with this e-mail address already exists.");
    }
  }

  /** No account with that name (or id). */
  public static class UserNotFoundException extends DomainException {
    public UserNotFoundException() {
      super(HttpStatus.NOT_FOUND, "user-not-found", "There is no such user.");
    }
  }

  /** A moderator tried to take their own moderator role away. */
  public static class CannotDemoteSelfException extends DomainException {
    public CannotDemoteSelfException() {
      super(
          HttpStatus.CONFLICT,
          "cannot-demote-self",
          "You cannot remove your own moderator role; ask another moderator.");
    }
  }

  /** Only moderators may do this. */
  public static class NotModeratorException extends DomainException {
    public NotModeratorException() {
      super(HttpStatus.FORBIDDEN, "forbidden", "Only moderators may do this.");
    }
  }
}
