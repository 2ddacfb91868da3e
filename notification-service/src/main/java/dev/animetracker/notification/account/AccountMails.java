package dev.animetracker.notification.account;

import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.user.PasswordChanged;
import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.event.user.VerificationRequested;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Decides which account mail a user event calls for and what goes into it. */
@Component
public class AccountMails {

  /** E-mail address confirmation after registration or on request; the link is valid 24 h. */
  public static final String VERIFICATION = "account-verification";

  /** Password reset link; valid 1 h. */
  public static final String PASSWORD_RESET = "password-reset";

  /** Notice that the password was changed, with a way out if it was not the owner. */
  public static final String PASSWORD_CHANGED = "password-changed";

  private final NotificationProperties properties;
  private final JsonMapper mapper;

  public AccountMails(NotificationProperties properties, JsonMapper mapper) {
    this.properties = properties;
    this.mapper = mapper;
  }

  /**
   * The mail for an event, or empty for event types that send none.
   *
   * @throws PoisonEventException if the payload is unreadable or lacks what the mail needs
   */
  public Optional<MailRequest> forEvent(EventEnvelope envelope) {
    if (envelope.is(UserRegistered.class)) {
      UserRegistered event = payload(envelope, UserRegistered.class);
      return Optional.of(
          verification(event.email(), event.username(), event.locale(), event.verificationToken()));
    }
    if (envelope.is(VerificationRequested.class)) {
      VerificationRequested event = payload(envelope, VerificationRequested.class);
      return Optional.of(
          verification(event.email(), event.username(), event.locale(), event.verificationToken()));
    }
    if (envelope.is(PasswordResetRequested.class)) {
      PasswordResetRequested event = payload(envelope, PasswordResetRequested.class);
      return Optional.of(
          mail(
              PASSWORD_RESET,
              event.email(),
              event.username(),
              event.locale(),
              properties.link("/reset-password?token=" + token(event.resetToken()))));
    }
    if (envelope.is(PasswordChanged.class)) {
      PasswordChanged event = payload(envelope, PasswordChanged.class);
      return Optional.of(
          mail(
              PASSWORD_CHANGED,
              event.email(),
              event.username(),
              event.locale(),
              properties.link("/reset-password")));
    }
    return Optional.empty();
  }

  private MailRequest verification(String email, String username, String locale, String token) {
    return mail(
        VERIFICATION,
        email,
        username,
        locale,
        properties.link("/verify-email?token=" + token(token)));
  }

  private MailRequest mail(String kind, String email, String username, String locale, String link) {
    if (email == null || email.isBlank()) {
      throw new PoisonEventException("A " + kind + " event without an e-mail address", null);
    }
    return new MailRequest(
        kind,
        email.strip(),
        MailLocales.resolve(locale),
        Map.of(
            "username",
            username == null || username.isBlank() ? email.strip() : username,
            "link",
            link,
            "siteUrl",
            properties.link("/")));
  }

  private static String token(String token) {
    if (token == null || token.isBlank()) {
      throw new PoisonEventException("An account mail event without a token", null);
    }
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private <T> T payload(EventEnvelope envelope, Class<T> type) {
    try {
      return envelope.payloadAs(type, mapper);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "Unreadable " + envelope.type() + " payload of event " + envelope.id(), e);
    }
  }
}
