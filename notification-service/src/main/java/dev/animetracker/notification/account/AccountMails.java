package dev.animetracker.notification.account;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.user.ModeratorChanged;
import dev.animetracker.common.event.user.PasswordChanged;
import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.event.user.TrustedChanged;
import dev.animetracker.common.event.user.UserEvent;
import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.common.event.user.VerificationRequested;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import dev.animetracker.common.mailtoken.SealedTokenException;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
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
  private final MailTokenSealer sealer;

  public AccountMails(
      NotificationProperties properties, JsonMapper mapper, MailTokenSealer sealer) {
    this.properties = properties;
    this.mapper = mapper;
    this.sealer = sealer;
  }

  /**
   * The mail for an event, or empty for event types that send none.
   *
   * @throws PoisonEventException if the payload is unreadable or lacks what the mail needs
   */
  public Optional<MailRequest> forEvent(EventEnvelope envelope) {
    return EventRecords.decode(envelope, UserEvent.class, mapper).flatMap(this::forEvent);
  }

  /**
   * The mail for a user event, or empty for the types that send none.
   *
   * @throws PoisonEventException if the event lacks what the mail needs
   */
  public Optional<MailRequest> forEvent(UserEvent event) {
    return switch (event) {
      case UserRegistered registered ->
          Optional.of(
              verification(
                  registered.email(),
                  registered.username(),
                  registered.locale(),
                  open(
                      registered.sealedVerificationToken(),
                      Purpose.EMAIL_VERIFICATION,
                      registered.userId())));
      case VerificationRequested requested ->
          Optional.of(
              verification(
                  requested.email(),
                  requested.username(),
                  requested.locale(),
                  open(
                      requested.sealedVerificationToken(),
                      Purpose.EMAIL_VERIFICATION,
                      requested.userId())));
      case PasswordResetRequested reset ->
          Optional.of(
              mail(
                  PASSWORD_RESET,
                  reset.email(),
                  reset.username(),
                  reset.locale(),
                  properties.link(
                      "/reset-password?token="
                          + token(
                              open(
                                  reset.sealedResetToken(),
                                  Purpose.PASSWORD_RESET,
                                  reset.userId())))));
      case PasswordChanged changed ->
          Optional.of(
              mail(
                  PASSWORD_CHANGED,
                  changed.email(),
                  changed.username(),
                  changed.locale(),
                  properties.link("/reset-password")));
      case UserVerified verified -> Optional.empty();
      case ModeratorChanged moderator -> Optional.empty();
      case TrustedChanged trusted -> Optional.empty();
    };
  }

  /**
   * The token inside a sealed one. A token that does not open (another key, tampered, or an event
   * from before tokens were sealed) can never become a working link: poison, parked on the DLT.
   */
  private String open(String sealed, Purpose purpose, long userId) {
    try {
      return sealer.open(sealed, purpose, userId);
    } catch (SealedTokenException e) {
      throw new PoisonEventException(
          "A " + purpose + " token for user " + userId + " that does not open: " + e.getMessage(),
          e);
    }
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
}
