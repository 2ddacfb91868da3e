package dev.animetracker.torrent.moderation;

import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.audit.ModerationAudit;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.core.ReleaseState;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.listing.TorrentView;
import dev.animetracker.torrent.listing.TorrentViews;
import dev.animetracker.torrent.markdown.MarkdownRenderer;
import dev.animetracker.torrent.release.Releases;
import dev.animetracker.torrent.series.Series;
import dev.animetracker.torrent.series.SeriesChoice;
import dev.animetracker.torrent.series.SeriesMatcher;
import dev.animetracker.torrent.storage.TorrentFiles;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Edits and removal by the uploader or a moderator. Each change locks the row, writes the audit
 * trail and publishes its event through the outbox in one transaction.
 */
@Service
public class ModerationService {

  private final TorrentRepository torrents;
  private final Catalogue catalogue;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final TorrentFiles files;
  private final TorrentViews views;
  private final MarkdownRenderer markdown;
  private final Releases releases;
  private final SeriesMatcher series;
  private final ModerationAudit moderationLog;

  ModerationService(
      TorrentRepository torrents,
      Catalogue catalogue,
      AuditTrail audit,
      Outbox outbox,
      TorrentFiles files,
      TorrentViews views,
      MarkdownRenderer markdown,
      Releases releases,
      SeriesMatcher series,
      ModerationAudit moderationLog) {
    this.moderationLog = moderationLog;
    this.series = series;
    this.releases = releases;
    this.torrents = torrents;
    this.catalogue = catalogue;
    this.audit = audit;
    this.outbox = outbox;
    this.files = files;
    this.views = views;
    this.markdown = markdown;
  }

  /**
   * Applies the PATCH body (see {@link EditRequest}); a body that changes nothing changes no
   * version and publishes nothing. A new title without {@code release} parses the release again
   * from it (earlier corrections are dropped: predictable beats clever); with {@code release} the
   * given keys replace fields of the stored release, or of the new title's one. {@code trusted} is
   * for moderators only (403 for the uploader, even when the value would not change). {@code
   * series} moves the torrent to another series, finds it again ({@code ""}) or detaches it ({@code
   * null}); a new title alone keeps the series (the uploader may have chosen it).
   */
  @Transactional
  public TorrentView update(Caller caller, long id, JsonNode body, Language language) {
    EditRequest changes = EditRequest.read(body, catalogue, series);
    // Rendered before the row is locked: a render is CPU work that needs no lock.
    String wantedHtml =
        changes.description() == null || changes.description().isBlank()
            ? null
            : markdown.renderForWrite(changes.description(), "description");
    TorrentRow row = torrents.findForUpdate(id).orElseThrow(TorrentExceptions::notFound);
    requireOwnerOrModerator(caller, row);
    if (changes.trusted() != null && !caller.moderator()) {
      throw Problems.forbidden("Only a moderator may mark a torrent trusted.");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    String title = row.title();
    boolean titleChanged = changes.title() != null && !changes.title().equals(row.title());
    if (titleChanged) {
      details.put("title", Map.of("from", row.title(), "to", changes.title()));
      title = changes.title();
    }
    ReleaseState state = releaseState(row, changes, title, titleChanged, details);
    Long seriesId = row.seriesId();
    boolean seriesDecided = changes.series().kind() != SeriesChoice.Kind.KEEP;
    if (seriesDecided) {
      Series chosen =
          series.resolve(
              changes.series(), series.byId(row.seriesId()), state.release(), caller.id());
      seriesId = chosen == null ? null : chosen.id();
      if (!Objects.equals(seriesId, row.seriesId())) {
        Map<String, Object> change = new HashMap<>();
        change.put("from", row.seriesSlug());
        change.put("to", chosen == null ? null : chosen.slug());
        details.put("series", change);
      }
    }
    String description = row.description();
    String descriptionHtml = row.descriptionHtml();
    if (changes.description() != null) {
      String wanted = changes.description().isBlank() ? null : changes.description();
      if (!Objects.equals(wanted, row.description())) {
        details.put("description", "changed");
        description = wanted;
        descriptionHtml = wantedHtml;
      }
    }
    long categoryId = row.categoryId();
    if (changes.category() != null && changes.category().id() != row.categoryId()) {
      details.put("category", Map.of("from", row.categorySlug(), "to", changes.category().slug()));
      categoryId = changes.category().id();
    }
    List<Tag> tags = torrents.tags(id);
    if (changes.tags() != null) {
      List<String> before = tags.stream().map(Tag::slug).toList();
      List<String> after = changes.tags().stream().map(TagNames.Wanted::slug).toList();
      if (!before.equals(after)) {
        details.put("tags", Map.of("from", before, "to", after));
        torrents.clearTags(id);
        tags = catalogue.ensureTags(changes.tags());
        torrents.setTags(id, tags);
      }
    }
    if (changes.mediaInfo() != null) {
      String wanted = changes.mediaInfo().isEmpty() ? null : changes.mediaInfo();
      if (!Objects.equals(wanted, torrents.mediaInfo(id).orElse(null))) {
        details.put("mediaInfo", wanted == null ? "removed" : "changed");
        torrents.setMediaInfo(id, wanted);
      }
    }
    if (details.isEmpty()) {
      return views.full(row, tags, language);
    }
    torrents.update(
        id,
        title,
        description,
        descriptionHtml,
        categoryId,
        state,
        seriesId,
        seriesDecided,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    TorrentRow updated = torrents.find(id).orElseThrow();
    outbox.publish(updated.infoHash(), new TorrentUpdated(updated.snapshot(tags), caller.id()));
    audit.record(id, caller, AuditTrail.Action.UPDATE, details);
    if (byModerator(caller, row)) {
      logModeratorEdit(caller, id, details);
    }
    return views.full(updated, tags, language);
  }

  /** The release and flags after the edit; what changed goes into {@code details}. */
  private ReleaseState releaseState(
      TorrentRow row,
      EditRequest changes,
      String title,
      boolean titleChanged,
      Map<String, Object> details) {
    ParsedRelease stored = row.release() == null ? releases.parse(row) : row.release();
    ParsedRelease release = stored;
    if (titleChanged || changes.release() != null) {
      ParsedRelease base = titleChanged ? releases.parse(title, row) : stored;
      release = changes.release() == null ? base : changes.release().applyTo(base);
    }
    if (!release.equals(row.release())) {
      details.put("release", Map.of("to", release));
    }
    boolean remake = flag("remake", row.remake(), changes.remake(), details);
    boolean complete = flag("complete", row.complete(), changes.complete(), details);
    boolean trusted = flag("trusted", row.trusted(), changes.trusted(), details);
    return new ReleaseState(release, trusted, remake, complete);
  }

  private static boolean flag(
      String name, boolean stored, Boolean wanted, Map<String, Object> details) {
    if (wanted == null || wanted == stored) {
      return stored;
    }
    details.put(name, Map.of("from", stored, "to", wanted));
    return wanted;
  }

  /**
   * A moderator's edit of someone else's torrent in the moderation log: each changed field's old
   * value in {@code before} and new one in {@code after} (the torrent's own trail keeps the rest).
   */
  private void logModeratorEdit(Caller caller, long id, Map<String, Object> details) {
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    details.forEach(
        (field, change) -> {
          if (change instanceof Map<?, ?> fromTo && fromTo.containsKey("to")) {
            if (fromTo.containsKey("from")) {
              before.put(field, fromTo.get("from"));
            }
            after.put(field, fromTo.get("to"));
          } else {
            after.put(field, change);
          }
        });
    moderationLog.record(
        caller, "torrent.update", "torrent", Long.toString(id), null, before, after);
  }

  private static boolean byModerator(Caller caller, TorrentRow row) {
    return caller.moderator() && caller.id() != row.uploaderId();
  }

  /**
   * Soft-deletes the torrent, so its hashes stay taken, and removes its stored file in the same
   * transaction: a rolled-back removal keeps its file.
   */
  @Transactional
  public void delete(Caller caller, long id) {
    delete(caller, id, null);
  }

  /**
   * {@link #delete(Caller, long)} with the moderator's reason for the moderation log (a resolved
   * report's note).
   */
  @Transactional
  public void delete(Caller caller, long id, String reason) {
    TorrentRow row = torrents.findForUpdate(id).orElseThrow(TorrentExceptions::notFound);
    requireOwnerOrModerator(caller, row);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long version = torrents.markDeleted(id, caller.id(), now);
    outbox.publish(
        row.infoHash(),
        new TorrentDeleted(
            id, row.infoHash(), row.infoHashV2(), row.uploaderId(), caller.id(), now, version));
    audit.record(
        id,
        caller,
        AuditTrail.Action.DELETE,
        Map.of("title", row.title(), "byModerator", byModerator(caller, row)));
    if (byModerator(caller, row)) {
      Map<String, Object> before = new LinkedHashMap<>();
      before.put("title", row.title());
      before.put("uploader", row.uploaderUsername());
      moderationLog.record(
          caller, "torrent.delete", "torrent", Long.toString(id), reason, before, null);
    }
    files.delete(id);
  }

  private static void requireOwnerOrModerator(Caller caller, TorrentRow row) {
    if (!caller.mayModify(row.uploaderId())) {
      throw Problems.forbidden("Only the uploader or a moderator may change this torrent.");
    }
  }
}
