package dev.animetracker.notification.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A mail some feature wants sent, before rendering.
 *
 * <p>Adding a mail kind: pick a kind name, add {@code mail/templates/<kind>.txt} and {@code
 * <kind>.html} (the HTML one usually wraps its content in {@code layout.html}), add {@code
 * <kind>.subject} and the other texts to both {@code mail/mail_messages*.properties}, and hand a
 * request to {@link MailQueue#enqueue} from the feature's event listener.
 *
 * @param kind the mail kind; names the templates and prefixes the message keys
 * @param recipient the address to send to
 * @param locale the language to write in (see {@link MailLocales})
 * @param variables the template variables
 * @param subjectArguments the arguments of the {@code <kind>.subject} message
 * @param headers extra message headers, e.g. {@code List-Unsubscribe}; values must be single-line
 */
public record MailRequest(
    String kind,
    String recipient,
    Locale locale,
    Map<String, Object> variables,
    List<Object> subjectArguments,
    Map<String, String> headers) {

  public MailRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(locale, "locale");
    variables = Map.copyOf(variables);
    subjectArguments = List.copyOf(subjectArguments);
    headers = Map.copyOf(headers);
    headers.forEach(
        (name, value) -> {
          // A CR or LF would let a value start headers of its own.
          if (name.isBlank() || hasLineBreak(name) || hasLineBreak(value)) {
            throw new IllegalArgumentException("Header " + name + " must be one non-blank line");
          }
        });
  }

  /** A request without extra headers. */
  public MailRequest(
      String kind,
      String recipient,
      Locale locale,
      Map<String, Object> variables,
      List<Object> subjectArguments) {
    this(kind, recipient, locale, variables, subjectArguments, Map.of());
  }

  /** A request whose subject takes no arguments. */
  public MailRequest(String kind, String recipient, Locale locale, Map<String, Object> variables) {
    this(kind, recipient, locale, variables, List.of());
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
  }
}
