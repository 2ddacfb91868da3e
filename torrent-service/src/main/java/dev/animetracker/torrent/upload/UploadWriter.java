package dev.animetracker.torrent.upload;

import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.metainfo.Metainfo;
import dev.animetracker.torrent.moderation.AuditTrail;
import dev.animetracker.torrent.quota.WriteQuotas;
import dev.animetracker.torrent.storage.TorrentStorage;
import dev.animetracker.torrent.web.Caller;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The transactional part of an upload (see {@link UploadService} for the steps around it). */
@Service
class UploadWriter {

  private final TorrentRepository torrents;
  private final Catalogue catalogue;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final TorrentStorage storage;
  private final WriteQuotas quotas;

  UploadWriter(
      TorrentRepository torrents,
      Catalogue catalogue,
      AuditTrail audit,
      Outbox outbox,
      TorrentStorage storage,
      WriteQuotas quotas) {
    this.quotas = quotas;
    this.torrents = torrents;
    this.catalogue = catalogue;
    this.audit = audit;
    this.outbox = outbox;
    this.storage = storage;
  }

  /** What the insert wrote: the row and its tags. */
  record Created(TorrentRow row, List<Tag> tags) {}

  /**
   * Row, tags, {@code torrent.created} and the audit entry in one transaction; the fsynced temp
   * file is renamed into place before the commit, and removed again if the transaction does not
   * commit (only if it is still the file we placed).
   */
  @Transactional
  public Created insert(
      Caller caller,
      Metainfo meta,
      String title,
      String description,
      String descriptionHtml,
      Category category,
      List<TagNames.Wanted> wantedTags,
      String path,
      Path temp) {
    quotas.consume(caller, WriteQuotas.Kind.UPLOAD);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    TorrentRow row =
        torrents.insert(meta, title, description, descriptionHtml, category, caller, path, now);
    List<Tag> tags = catalogue.ensureTags(wantedTags);
    torrents.setTags(row.id(), tags);
    outbox.publish(row.infoHash(), new TorrentCreated(row.snapshot(tags)));
    audit.record(
        row.id(),
        caller,
        AuditTrail.Action.CREATE,
        Map.of("title", row.title(), "infoHash", row.infoHash()));
    Object fileKey = storage.moveIntoPlace(temp, path);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              storage.deleteIfSame(path, fileKey);
            }
          }
        });
    return new Created(row, tags);
  }
}
