package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.downstream.DownstreamResult;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Turns the services' problems into localized form messages. Only their {@code code}s and {@code
 * args} are used, never their English {@code detail} or field {@code message}: a Russian page shows
 * only Russian. Our texts quote a problem's {@code args} by name: {@code {limit}} (a number in the
 * page locale) or {@code {limit:size}} (bytes as KiB/MiB/GiB).
 */
@Component
public class UiMessages {

  /** The args a generic field message may quote, most telling first. */
  private static final List<String> QUOTED_ARGS = List.of("max", "min", "value");

  private static final Pattern NAMED_ARGUMENT = Pattern.compile("\\{([A-Za-z]+)(?::(size))?}");

  private final MessageSource messages;

  UiMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** A field message: {@code error.field.<field>.<code>}, else {@code error.field.<code>}. */
  public String fieldMessage(String field, String code, Locale locale) {
    return fieldMessage(field, code, Map.of(), locale);
  }

  /**
   * A field message with the service's {@code args} put into its named placeholders: {@code
   * error.field.<field>.<code>}, else {@code error.field.<code>.<arg>} for the first of {@link
   * #QUOTED_ARGS} the problem carries (a {@code Size} with {@code max} says the limit), else {@code
   * error.field.<code>}.
   */
  public String fieldMessage(String field, String code, Map<String, Object> args, Locale locale) {
    List<String> keys = new ArrayList<>();
    keys.add("error.field." + field + "." + code);
    for (String arg : QUOTED_ARGS) {
      if (args.containsKey(arg)) {
        keys.add("error.field." + code + "." + arg);
      }
    }
    keys.add("error.field." + code);
    keys.add("error.field.invalid");
    return named(first(locale, keys.toArray(String[]::new)), args, locale);
  }

  /** Whether a message key exists. */
  public boolean has(String key, Locale locale) {
    return messages.getMessage(key, null, null, locale) != null;
  }

  /** A form-level message for a problem code. */
  public String problemMessage(String code, Locale locale) {
    return problemMessage(code, Map.of(), locale);
  }

  /** A form-level message for a problem code, its {@code args} put into the placeholders. */
  public String problemMessage(String code, Map<String, Object> args, Locale locale) {
    return named(first(locale, "error.problem." + code, "error.problem.default"), args, locale);
  }

  /**
   * The message of {@code prefix + code} (e.g. {@code upload.error.torrent.not-bencode}) with the
   * problem's args, else {@code fallbackKey}'s.
   */
  public String codeMessage(
      String prefix, DownstreamResult.Failed<?> problem, String fallbackKey, Locale locale) {
    return named(first(locale, prefix + problem.code(), fallbackKey), problem.args(), locale);
  }

  /**
   * Maps a torrent-service (or search-service) problem's field errors onto the form's fields; the
   * rest become the form message.
   */
  public FormErrors fromCatalogProblem(
      DownstreamResult.Failed<?> problem, Set<String> formFields, Locale locale) {
    FormErrors errors = new FormErrors();
    for (DownstreamResult.FieldError error : problem.errors()) {
      String text = fieldMessage(error.field(), error.code(), error.args(), locale);
      if (formFields.contains(error.field())) {
        errors.reject(error.field(), text);
      } else {
        errors.global(text);
      }
    }
    if (!errors.any()) {
      errors.global(problemMessage(problem.code(), problem.args(), locale));
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
      String text = fieldMessage(error.field(), error.code(), error.args(), locale);
      if (formFields.contains(error.field())) {
        errors.reject(error.field(), text);
      } else {
        errors.global(text);
      }
    }
    switch (problem.code()) {
      case "username-taken" -> errors.reject("username", problemMessage(problem.code(), locale));
      case "email-taken" -> errors.reject("email", problemMessage(problem.code(), locale));
      default -> {
        if (!errors.any()) {
          errors.global(problemMessage(problem.code(), problem.args(), locale));
        }
      }
    }
    return errors;
  }

  private String first(Locale locale, String... keys) {
    String last = keys[keys.length - 1];
    return messages.getMessage(new DefaultMessageSourceResolvable(keys, last), locale);
  }

  /**
   * Fills {@code {name}} placeholders from {@code args}; one without a value is left out (the
   * sentence must still read without it, so our texts keep such values in parentheses or omit).
   */
  private static String named(String template, Map<String, Object> args, Locale locale) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    Matcher matcher = NAMED_ARGUMENT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          out,
          Matcher.quoteReplacement(value(args.get(matcher.group(1)), matcher.group(2), locale)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String value(@Nullable Object arg, @Nullable String format, Locale locale) {
    if (arg == null) {
      return "";
    }
    if (arg instanceof Number number) {
      return "size".equals(format)
          ? Sizes.human(number.longValue(), locale)
          : NumberFormat.getIntegerInstance(locale).format(number.longValue());
    }
    return arg.toString();
  }
}
