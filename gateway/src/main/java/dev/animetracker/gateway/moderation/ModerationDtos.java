package dev.animetracker.gateway.moderation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The bodies of torrent-service's reports, moderation queue and audit log (issue 13). People
 * ({@code uploader}, {@code reporter}, {@code by}, {@code actor}) are read as JSON, a name or a
 * {@code {id, username}} object alike; {@link #name} makes either a name.
 */
public final class ModerationDtos {

  private ModerationDtos() {}

  /** A name from a person member: its {@code username}, the text itself, or {@code ""}. */
  public static String name(@Nullable JsonNode person) {
    if (person == null || person.isNull() || person.isMissingNode()) {
      return "";
    }
    if (person.isObject()) {
      JsonNode username = person.get("username");
      return username == null || username.isNull() ? "" : username.asString();
    }
    return person.isValueNode() ? person.asString() : person.toString();
  }

  /** A JSON value as compact text for the audit table ({@code ""} when absent). */
  public static String json(@Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isString() ? value.asString() : value.toString();
  }

  /** The answer to filing a report. */
  public record Report(
      String id,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String reason,
      @Nullable String state,
      @Nullable Instant createdAt) {}

  /** What was reported, as the queue shows it. */
  public record Target(
      @Nullable String title, @Nullable JsonNode uploader, @Nullable String text, boolean deleted) {

    public String uploaderName() {
      return name(uploader);
    }
  }

  /** How many reports gave one reason. */
  public record ReasonCount(String reason, long count) {}

  /** How a reporter's earlier reports went. */
  public record ReporterHistory(long reports, long upheld, long dismissed) {}

  /** One report of a group. */
  public record GroupReport(
      String id,
      @Nullable JsonNode reporter,
      @Nullable ReporterHistory reporterHistory,
      @Nullable String reason,
      @Nullable String text,
      @Nullable Instant createdAt) {

    public String reporterName() {
      return name(reporter);
    }
  }

  /** A resolved group's outcome. */
  public record Resolution(
      @Nullable String action, @Nullable String note, @Nullable JsonNode by, @Nullable Instant at) {

    public String byName() {
      return name(by);
    }
  }

  /** The reports of one target (the group's {@code id} is its first report's). */
  public record ReportGroup(
      String id,
      @Nullable String targetType,
      @Nullable Long targetId,
      @Nullable Long torrentId,
      @Nullable Target target,
      @Nullable List<ReasonCount> reasons,
      @Nullable List<GroupReport> reports,
      @Nullable String state,
      @Nullable Instant firstReportedAt,
      @Nullable Resolution resolution) {

    public List<ReasonCount> reasonList() {
      return reasons == null ? List.of() : reasons;
    }

    public List<GroupReport> reportList() {
      return reports == null ? List.of() : reports;
    }

    public boolean isComment() {
      return "comment".equals(targetType);
    }

    public boolean isOpen() {
      return "open".equals(state);
    }
  }

  /** A page of the queue ({@code page} 0-based). */
  public record ReportPage(@Nullable List<ReportGroup> items, int page, int size, long total) {

    public List<ReportGroup> itemList() {
      return items == null ? List.of() : items;
    }
  }

  /** One moderator action. */
  public record AuditEntry(
      @Nullable String id,
      @Nullable JsonNode actor,
      @Nullable String action,
      @Nullable String targetType,
      @Nullable JsonNode target,
      @Nullable String reason,
      @Nullable JsonNode before,
      @Nullable JsonNode after,
      @Nullable Instant at) {

    public String actorName() {
      return name(actor);
    }

    public String targetText() {
      return json(target);
    }

    public String beforeText() {
      return json(before);
    }

    public String afterText() {
      return json(after);
    }
  }

  /** A newest-first page of the audit log ({@code page} 0-based). */
  public record AuditPage(@Nullable List<AuditEntry> items, int page, int size, long total) {

    public List<AuditEntry> itemList() {
      return items == null ? List.of() : items;
    }
  }
}
