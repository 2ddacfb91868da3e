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
 */
public record MailRequest(
    String kind,
    String recipient,
    Locale locale,
    Map<String, Object> variables,
    List<Object> subjectArguments) {

  public MailRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(locale, "locale");
    variables = Map.copyOf(variables);
    subjectArguments = List.copyOf(subjectArguments);
  }

  /** A request whose subject takes no arguments. */
  public MailRequest(String kind, String recipient, Locale locale, Map<String, Object> variables) {
    this(kind, recipient, locale, variables, List.of());
  }
}
