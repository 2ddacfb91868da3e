package dev.animetracker.user.account;

import dev.animetracker.common.event.moderation.ModeratorActed;
import dev.animetracker.common.event.user.ModeratorChanged;
import dev.animetracker.common.event.user.TrustedChanged;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.user.account.AccountExceptions.AccountTakenException;
import dev.animetracker.user.account.AccountExceptions.CannotBanSelfException;
import dev.animetracker.user.account.AccountExceptions.CannotDemoteSelfException;
import dev.animetracker.user.account.AccountExceptions.InvalidBanException;
import dev.animetracker.user.account.AccountExceptions.NotModeratorException;
import dev.animetracker.user.account.AccountExceptions.UserNotFoundException;
import dev.animetracker.user.session.SessionStates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Registration, profiles, the moderator role, trusted accounts and bans. */
@Service
class AccountService {

  private final UserRepository users;
  private final AccountWriter writer;
  private final PasswordEncoder passwordEncoder;
  private final Outbox outbox;
  private final SessionStates sessionStates;
  private final BanAudit banAudit;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;

  AccountService(
      UserRepository users,
      AccountWriter writer,
      PasswordEncoder passwordEncoder,
      Outbox outbox,
      SessionStates sessionStates,
      BanAudit banAudit,
      ApplicationEventPublisher events,
      JsonMapper json) {
    this.json = json;
    this.sessionStates = sessionStates;
    this.banAudit = banAudit;
    this.events = events;
    this.users = users;
    this.writer = writer;
    this.passwordEncoder = passwordEncoder;
    this.outbox = outbox;
  }

  /**
   * Creates an inactive account, a verification token and the {@code user.registered} event in one
   * transaction ({@link AccountWriter}). The password is hashed before the transaction starts
   * (Argon2 is deliberately slow).
   */
  public User register(String username, String email, String password, String locale) {
    // Cheap checks first: a taken name or address must not cost an Argon2 hash.
    if (users.existsByUsernameIgnoreCase(username)) {
      throw AccountTakenException.username();
    }
    if (users.existsByEmailIgnoreCase(email)) {
      throw AccountTakenException.email();
    }
    String hash = passwordEncoder.encode(password);
    try {
      return writer.create(username, email, hash, locale);
    } catch (DataIntegrityViolationException e) {
      // Two registrations raced past the checks above; the unique indexes decided.
      throw takenFrom(e);
    }
  }

  static RuntimeException takenFrom(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("users_username_lower_key")) {
      return AccountTakenException.username();
    }
    if (message.contains("users_email_lower_key")) {
      return AccountTakenException.email();
    }
    return e;
  }

  @Transactional(readOnly = true)
  public User byId(long id) {
    return users.findById(id).orElseThrow(UserNotFoundException::new);
  }

  @Transactional(readOnly = true)
  public User byUsername(String username) {
    return users.findByUsernameIgnoreCase(username).orElseThrow(UserNotFoundException::new);
  }

  /**
   * Grants or withdraws the moderator role. The actor's role is re-checked in the database (the
   * token may be up to 15 minutes old); nobody can demote themselves, so there is always a
   * moderator left who can act.
   */
  @Transactional
  public User setModerator(long actorId, String username, boolean moderator) {
    User actor =
        users.findById(actorId).filter(User::isModerator).orElseThrow(NotModeratorException::new);
    User target = users.findByUsernameForUpdate(username).orElseThrow(UserNotFoundException::new);
    if (target.getId().equals(actor.getId()) && !moderator) {
      throw new CannotDemoteSelfException();
    }
    if (target.isModerator() != moderator) {
      target.setModerator(moderator);
      // Tokens carry the roles: a demoted moderator's token must not keep its powers.
      target.endSessions();
      sessionStates.publishAfterCommit(target.getId(), target.sessionState());
      outbox.publish(
          String.valueOf(target.getId()),
          new ModeratorChanged(
              target.getId(), target.getUsername(), moderator, actor.getUsername()));
      acted(
          actor,
          target,
          "user.moderator",
          null,
          Map.of("moderator", !moderator),
          Map.of("moderator", moderator));
    }
    return target;
  }

  /**
   * Marks an account trusted or withdraws the mark (moderators only, re-checked in the database
   * like {@link #setModerator}). A change publishes {@code user.trusted-changed} naming the
   * moderator, the audit of the decision and what torrent-service's replica is built from; a
   * request that changes nothing publishes nothing. Tokens carry no trust, so sessions stay.
   */
  @Transactional
  public User setTrusted(long actorId, String username, boolean trusted) {
    User actor =
        users.findById(actorId).filter(User::isModerator).orElseThrow(NotModeratorException::new);
    User target = users.findByUsernameForUpdate(username).orElseThrow(UserNotFoundException::new);
    if (target.isTrusted() != trusted) {
      target.setTrusted(trusted);
      outbox.publish(
          String.valueOf(target.getId()),
          new TrustedChanged(target.getId(), target.getUsername(), trusted, actor.getUsername()));
      acted(
          actor,
          target,
          "user.trusted",
          null,
          Map.of("trusted", !trusted),
          Map.of("trusted", trusted));
    }
    return target;
  }

  /**
   * Bans or unbans an account (moderators only, re-checked in the database; nobody bans
   * themselves). Every call, even one that changes nothing, bumps the session version and writes
   * the whole state to Redis after the commit, so repeating a request whose after-commit write
   * failed repairs the gateway's view. A ban also ends every refresh token family ({@link
   * AccountBanned}).
   */
  @Transactional
  public User setBan(long actorId, String username, boolean banned, String reason, Instant until) {
    User actor =
        users.findById(actorId).filter(User::isModerator).orElseThrow(NotModeratorException::new);
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    Instant now = Instant.now();
    if (banned && why == null) {
      throw InvalidBanException.reasonRequired();
    }
    if (!banned && until != null) {
      throw InvalidBanException.untilWithoutBan();
    }
    if (until != null && !until.isAfter(now)) {
      throw InvalidBanException.untilNotInFuture();
    }
    if (until != null && until.isAfter(now.plus(Duration.ofDays(36_500)))) {
      throw InvalidBanException.untilTooFar();
    }
    User target = users.findByUsernameForUpdate(username).orElseThrow(UserNotFoundException::new);
    if (target.getId().equals(actor.getId())) {
      throw new CannotBanSelfException();
    }
    Instant end = until == null ? null : until.truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> before = banState(target.isBanned(), target.getBannedUntil());
    String reasonBefore = target.getBanReason();
    if (banned) {
      target.ban(why, end);
      events.publishEvent(new AccountBanned(target.getId()));
    } else {
      target.unban();
    }
    banAudit.record(actor.getId(), target.getId(), banned, why, end);
    sessionStates.publishAfterCommit(target.getId(), target.sessionState());
    Map<String, Object> after = banState(banned, end);
    // A repeated request still rewrites the session state (above) but is no new decision: the
    // audit log hears of it only when the ban, its end or its reason changed.
    if (!before.equals(after) || banned && !Objects.equals(reasonBefore, why)) {
      acted(actor, target, banned ? "user.ban" : "user.unban", why, before, after);
    }
    return target;
  }

  private static Map<String, Object> banState(boolean banned, Instant until) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("banned", banned);
    if (banned && until != null) {
      state.put("until", until.toString());
    }
    return state;
  }

  /**
   * Publishes {@code moderation.acted} for torrent-service's audit log, in the transaction of the
   * change, keyed {@code user-<username>} like every event about one audited target.
   */
  private void acted(
      User actor,
      User target,
      String action,
      String reason,
      Map<String, Object> before,
      Map<String, Object> after) {
    outbox.publish(
        "user-" + target.getUsername(),
        new ModeratorActed(
            actor.getId(),
            actor.getUsername(),
            action,
            "user",
            target.getUsername(),
            reason,
            json.writeValueAsString(before),
            json.writeValueAsString(after),
            Instant.now().truncatedTo(ChronoUnit.MICROS)));
  }
}
