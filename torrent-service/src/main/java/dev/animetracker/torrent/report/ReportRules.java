package dev.animetracker.torrent.report;

import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.web.Problems;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The bodies of the report endpoints, checked field by field (400 with every bad field). */
final class ReportRules {

  static final List<String> REASONS =
      List.of("fake", "wrong-category", "malware", "illegal", "spam", "other");
  static final int MAX_TEXT = 2000;
  static final int MAX_BAN_DAYS = 36_500;

  private ReportRules() {}

  /** A new report: {@code reason} one of {@link #REASONS}, {@code text} required for "other". */
  record NewReport(String reason, @Nullable String text) {}

  /** A resolution: {@code banDays} only with {@code ban-uploader}. */
  record Resolution(String action, @Nullable String note, @Nullable Integer banDays) {}

  static NewReport newReport(JsonNode body) {
    requireObject(body);
    Problems.Errors errors = new Problems.Errors();
    String reason = text(body, "reason", errors);
    if (reason == null) {
      errors.add("reason", "NotNull", "Choose a reason: one of " + REASONS + ".");
    } else if (!REASONS.contains(reason)) {
      errors.add("reason", "Pattern", "reason is one of " + REASONS + ".");
    }
    String text = blankToNull(text(body, "text", errors));
    if (text != null && text.length() > MAX_TEXT) {
      errors.add("text", "Size", "The text is at most " + MAX_TEXT + " characters long.");
    }
    if ("other".equals(reason) && text == null) {
      errors.add("text", "NotBlank", "Say what is wrong when the reason is \"other\".");
    }
    errors.throwIfAny();
    return new NewReport(reason, text);
  }

  static Resolution resolution(JsonNode body) {
    requireObject(body);
    Problems.Errors errors = new Problems.Errors();
    String action = text(body, "action", errors);
    if (action == null) {
      errors.add("action", "NotNull", "Choose an action: one of " + ReportResolved.ACTIONS + ".");
    } else if (!ReportResolved.ACTIONS.contains(action)) {
      errors.add("action", "Pattern", "action is one of " + ReportResolved.ACTIONS + ".");
    }
    String note = blankToNull(text(body, "note", errors));
    if (note != null && note.length() > MAX_TEXT) {
      errors.add("note", "Size", "The note is at most " + MAX_TEXT + " characters long.");
    }
    Integer banDays = null;
    JsonNode days = body.get("banDays");
    if (days != null && !days.isNull()) {
      if (!days.isIntegralNumber() || days.asLong() < 1 || days.asLong() > MAX_BAN_DAYS) {
        errors.add("banDays", "Range", "banDays is a whole number from 1 to " + MAX_BAN_DAYS + ".");
      } else if (!"ban-uploader".equals(action)) {
        errors.add("banDays", "Invalid", "banDays goes only with the action ban-uploader.");
      } else {
        banDays = days.asInt();
      }
    }
    errors.throwIfAny();
    return new Resolution(action, note, banDays);
  }

  static DomainException invalidAction() {
    return new DomainException(
        HttpStatus.BAD_REQUEST, "invalid-action", "A comment cannot be marked a remake.");
  }

  static DomainException notFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "report-not-found", "There is no such report.");
  }

  static DomainException resolved() {
    return new DomainException(
        HttpStatus.CONFLICT, "report-resolved", "These reports have already been resolved.");
  }

  static DomainException alreadyReported() {
    return new DomainException(
        HttpStatus.CONFLICT,
        "already-reported",
        "You have already reported this; a moderator will look at it.");
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw Problems.validation("body", "Type", "Send a JSON object.");
    }
  }

  private static @Nullable String text(JsonNode body, String field, Problems.Errors errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      errors.add(field, "Type", field + " must be a string.");
      return null;
    }
    return node.asString();
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
