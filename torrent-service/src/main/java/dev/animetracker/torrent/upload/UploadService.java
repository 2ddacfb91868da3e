package dev.animetracker.torrent.upload;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.core.TorrentFields;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.listing.TorrentView;
import dev.animetracker.torrent.listing.TorrentViews;
import dev.animetracker.torrent.markdown.MarkdownRenderer;
import dev.animetracker.torrent.metainfo.Metainfo;
import dev.animetracker.torrent.metainfo.MetainfoParser;
import dev.animetracker.torrent.metainfo.TorrentFile;
import dev.animetracker.torrent.quota.WriteQuotas;
import dev.animetracker.torrent.release.Releases;
import dev.animetracker.torrent.series.SeriesChoice;
import dev.animetracker.torrent.series.SeriesMatcher;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads: parse and validate the .torrent, then insert the row and its file together. The unique
 * indexes decide races: the loser gets 409 with the winner's id.
 *
 * <p>Deliberately not transactional: parsing and rendering happen before the transaction opens (no
 * connection held for CPU work), and a race loser's 409 is read after its rollback. The transaction
 * itself is {@link UploadWriter}'s, a second bean because a call inside one bean would bypass its
 * proxy.
 */
@Service
public class UploadService {

  private final MetainfoParser parser;
  private final Catalogue catalogue;
  private final TorrentRepository torrents;
  private final UploadWriter writer;
  private final TorrentViews views;
  private final MarkdownRenderer markdown;
  private final WriteQuotas quotas;
  private final Releases releases;
  private final SeriesMatcher series;
  private final Counter uploads;

  UploadService(
      MetainfoParser parser,
      Catalogue catalogue,
      TorrentRepository torrents,
      UploadWriter writer,
      TorrentViews views,
      MarkdownRenderer markdown,
      WriteQuotas quotas,
      Releases releases,
      SeriesMatcher series,
      MeterRegistry meters) {
    this.uploads =
        Counter.builder("torrent.uploads")
            .description("Torrents stored by uploads (refused uploads are not counted)")
            .register(meters);
    this.series = series;
    this.quotas = quotas;
    this.releases = releases;
    this.parser = parser;
    this.catalogue = catalogue;
    this.torrents = torrents;
    this.writer = writer;
    this.views = views;
    this.markdown = markdown;
  }

  /** Stores a validated request (see {@link UploadRequestValidator}); the created torrent. */
  public TorrentView upload(Caller caller, UploadRequest request, Language language) {
    Category category =
        catalogue
            .category(request.category().strip())
            .orElseThrow(
                () ->
                    Problems.validation(
                        "category",
                        "Exists",
                        "There is no category \"" + request.category().strip() + "\"."));
    List<TagNames.Wanted> tags = TagNames.parse(request.tags(), "tags");
    quotas.check(caller, WriteQuotas.Kind.UPLOAD);
    String description = request.cleanDescription();
    String descriptionHtml =
        description == null ? null : markdown.renderForWrite(description, "description");
    byte[] bytes = read(request.file());
    Metainfo meta = parser.parse(bytes);
    String title = request.cleanTitle() != null ? request.cleanTitle() : defaultTitle(meta.name());
    // The validator refused every bad field already; problems here cannot occur.
    List<FieldProblem> problems = new ArrayList<>();
    ParsedRelease release =
        releases.parse(
            title,
            meta.files().stream().map(TorrentFile::fullPath).toList(),
            request.releaseCorrections(problems));
    UploadWriter.Flags flags =
        new UploadWriter.Flags(request.remakeFlag(problems), request.completeFlag(problems));
    SeriesChoice seriesChoice =
        request.series() == null || request.series().isBlank()
            ? SeriesChoice.MATCH
            : series.named(request.series(), problems);
    rejectDuplicate(meta);
    try {
      UploadWriter.Created created =
          writer.insert(
              caller,
              meta,
              bytes,
              title,
              description,
              descriptionHtml,
              category,
              tags,
              release,
              flags,
              seriesChoice,
              request.cleanMediaInfo());
      uploads.increment();
      return views.full(created.row(), created.tags(), language);
    } catch (DuplicateKeyException e) {
      rejectDuplicate(meta);
      throw e;
    }
  }

  /** 409 when a torrent (live or removed) already holds one of the hashes. */
  private void rejectDuplicate(Metainfo meta) {
    torrents
        .existing(meta.trackerKey(), meta.v1InfoHash(), meta.v2InfoHash())
        .ifPresent(
            existing -> {
              throw existing.deleted()
                  ? TorrentExceptions.removed()
                  : TorrentExceptions.duplicate(existing.id());
            });
  }

  /** The torrent name as a title: control characters removed, cut to the limit. */
  static String defaultTitle(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    if (clean.isEmpty()) {
      clean = "torrent";
    }
    if (TorrentFields.titleTooLong(clean)) {
      clean = clean.substring(0, clean.offsetByCodePoints(0, TorrentFields.MAX_TITLE)).strip();
    }
    return clean;
  }

  private static byte[] read(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
