package dev.animetracker.gateway.ui;

import dev.animetracker.gateway.account.UserServiceResult;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Turns user-service problems into localized form messages. */
@Component
class UiMessages {

  private final MessageSource messages;

  UiMessages(MessageSource messages) {
    this.messages = messages;
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** A field message: {@code error.field.<field>.<code>}, else {@code error.field.<code>}. */
  String fieldMessage(String field, String code, Locale locale) {
    return messages.getMessage(
        new DefaultMessageSourceResolvable(
            new String[] {
              "error.field." + field + "." + code, "error.field." + code, "error.field.invalid"
            },
            "error.field.invalid"),
        locale);
  }

  /** A form-level message for a problem code. */
  String problemMessage(String code, Locale locale) {
    return messages.getMessage(
        new DefaultMessageSourceResolvable(
            new String[] {"error.problem." + code, "error.problem.default"},
            "error.problem.default"),
        locale);
  }

  /** Maps a problem's field errors onto the form's fields; the rest become the form message. */
  FormErrors fromProblem(
      UserServiceResult.Failed<?> problem, Set<String> formFields, Locale locale) {
    FormErrors errors = new FormErrors();
    for (UserServiceResult.FieldError error : problem.errors()) {
      if (formFields.contains(error.field())) {
        errors.reject(error.field(), fieldMessage(error.field(), error.code(), locale));
      } else {
        errors.global(fieldMessage(error.field(), error.code(), locale));
      }
    }
    switch (problem.code()) {
      case "username-taken" -> errors.reject("username", problemMessage(problem.code(), locale));
      case "email-taken" -> errors.reject("email", problemMessage(problem.code(), locale));
      default -> {
        if (!errors.any()) {
          errors.global(problemMessage(problem.code(), locale));
        }
      }
    }
    return errors;
  }
}
