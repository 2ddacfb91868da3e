package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.downstream.DownstreamResult;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Turns user-service and torrent-service problems into localized form messages. */
@Component
public class UiMessages {

  private final MessageSource messages;

  UiMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** A field message: {@code error.field.<field>.<code>}, else {@code error.field.<code>}. */
  public String fieldMessage(String field, String code, Locale locale) {
    return messages.getMessage(
        new DefaultMessageSourceResolvable(
            new String[] {
              "error.field." + field + "." + code, "error.field." + code, "error.field.invalid"
            },
            "error.field.invalid"),
        locale);
  }

  /** Whether a message key exists. */
  public boolean has(String key, Locale locale) {
    return messages.getMessage(key, null, null, locale) != null;
  }

  /** A form-level message for a problem code. */
  public String problemMessage(String code, Locale locale) {
    return messages.getMessage(
        new DefaultMessageSourceResolvable(
            new String[] {"error.problem." + code, "error.problem.default"},
            "error.problem.default"),
        locale);
  }

  /**
   * Maps a torrent-service problem's field errors onto the form's fields (the service's own message
   * when we have no text for its code); the rest become the form message.
   */
  public FormErrors fromCatalogProblem(
      DownstreamResult.Failed<?> problem, Set<String> formFields, Locale locale) {
    FormErrors errors = new FormErrors();
    for (DownstreamResult.FieldError error : problem.errors()) {
      boolean known =
          has("error.field." + error.field() + "." + error.code(), locale)
              || has("error.field." + error.code(), locale);
      String text =
          known || error.message().isBlank()
              ? fieldMessage(error.field(), error.code(), locale)
              : error.message();
      if (formFields.contains(error.field())) {
        errors.reject(error.field(), text);
      } else {
        errors.global(text);
      }
    }
    if (!errors.any()) {
      if (has("error.problem." + problem.code(), locale) || problem.detail().isBlank()) {
        errors.global(problemMessage(problem.code(), locale));
      } else {
        errors.global(problemMessage("default", locale) + " " + problem.detail());
      }
    }
    return errors;
  }

  /**
   * Maps a user-service problem's field errors onto the form's fields; the rest become the form
   * message.
   */
  public FormErrors fromAccountProblem(
      DownstreamResult.Failed<?> problem, Set<String> formFields, Locale locale) {
    FormErrors errors = new FormErrors();
    for (DownstreamResult.FieldError error : problem.errors()) {
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
