package dev.animetracker.user.account;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import java.util.List;
import java.util.Map;
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

  /** A moderator tried to ban themselves. */
  public static class CannotBanSelfException extends DomainException {
    public CannotBanSelfException() {
      super(HttpStatus.CONFLICT, "cannot-ban-self", "You cannot ban yourself.");
    }
  }

  /** A ban request that breaks a rule the annotations cannot express; a validation problem. */
  public static class InvalidBanException extends DomainException {
    InvalidBanException(String field, String code, String message) {
      super(
          HttpStatus.BAD_REQUEST,
          "validation-failed",
          "Invalid fields: " + field,
          Map.of("errors", List.of(new FieldProblem(field, code, message))));
    }

    public static InvalidBanException reasonRequired() {
      return new InvalidBanException("reason", "NotBlank", "a ban needs a reason");
    }

    public static InvalidBanException untilNotInFuture() {
      return new InvalidBanException("until", "Future", "must be in the future");
    }

    public static InvalidBanException untilTooFar() {
      return new InvalidBanException(
          "until", "Max", "must be at most 100 years ahead; leave it out for a ban without end");
    }

    public static InvalidBanException untilWithoutBan() {
      return new InvalidBanException("until", "Null", "only a ban has an end");
    }
  }
}
