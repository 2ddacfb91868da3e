package dev.animetracker.torrent.upload;

import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.core.ReleaseState;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.metainfo.Metainfo;
import dev.animetracker.torrent.moderation.AuditTrail;
import dev.animetracker.torrent.quota.WriteQuotas;
import dev.animetracker.torrent.series.Series;
import dev.animetracker.torrent.series.SeriesChoice;
import dev.animetracker.torrent.series.SeriesMatcher;
import dev.animetracker.torrent.storage.TorrentFiles;
import dev.animetracker.torrent.trust.TrustedAccounts;
import dev.animetracker.torrent.web.Caller;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The transactional part of an upload (see {@link UploadService} for the steps around it). */
@Service
class UploadWriter {

  private final TorrentRepository torrents;
  private final Catalogue catalogue;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final TorrentFiles files;
  private final WriteQuotas quotas;
  private final TrustedAccounts trustedAccounts;
  private final SeriesMatcher series;

  UploadWriter(
      TorrentRepository torrents,
      Catalogue catalogue,
      AuditTrail audit,
      Outbox outbox,
      TorrentFiles files,
      WriteQuotas quotas,
      TrustedAccounts trustedAccounts,
      SeriesMatcher series) {
    this.series = series;
    this.quotas = quotas;
    this.trustedAccounts = trustedAccounts;
    this.torrents = torrents;
    this.catalogue = catalogue;
    this.audit = audit;
    this.outbox = outbox;
    this.files = files;
  }

  /** What the insert wrote: the row and its tags. */
  record Created(TorrentRow row, List<Tag> tags) {}

  /** The flags the uploader set on the form. */
  record Flags(boolean remake, boolean complete) {}

  /**
   * Series, row, file, tags, {@code torrent.created} and the audit entry in one transaction: a
   * torrent is never visible without its file, and a failed upload leaves neither (nor the series
   * it would have created).
   */
  @Transactional
  public Created insert(
      Caller caller,
      Metainfo meta,
      byte[] file,
      String title,
      String description,
      String descriptionHtml,
      Category category,
      List<TagNames.Wanted> wantedTags,
      ParsedRelease release,
      Flags flags,
      SeriesChoice seriesChoice,
      String mediaInfo) {
    quotas.consume(caller, WriteQuotas.Kind.UPLOAD);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    // Trust is the account's at upload time: a later withdrawal leaves earlier torrents flagged.
    ReleaseState state =
        new ReleaseState(
            release, trustedAccounts.isTrusted(caller.id()), flags.remake(), flags.complete());
    Series chosen = series.resolve(seriesChoice, null, release, caller.id());
    TorrentRow row =
        torrents.insert(
            meta,
            title,
            description,
            descriptionHtml,
            category,
            caller,
            state,
            chosen == null ? null : chosen.id(),
            now);
    files.store(row.id(), file);
    if (mediaInfo != null) {
      torrents.setMediaInfo(row.id(), mediaInfo);
    }
    List<Tag> tags = catalogue.ensureTags(wantedTags);
    torrents.setTags(row.id(), tags);
    outbox.publish(row.infoHash(), new TorrentCreated(row.snapshot(tags)));
    audit.record(
        row.id(),
        caller,
        AuditTrail.Action.CREATE,
        Map.of("title", row.title(), "infoHash", row.infoHash()));
    return new Created(row, tags);
  }
}
