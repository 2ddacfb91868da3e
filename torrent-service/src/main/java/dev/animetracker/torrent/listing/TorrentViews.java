package dev.animetracker.torrent.listing;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.torrent.MagnetUri;
import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a torrent row into the API's torrent object: category name in the caller's language, the
 * stored description HTML (rendered when written, never on a read), our magnet link. Used by every
 * feature that answers with a torrent.
 */
@Component
public class TorrentViews {

  private final JsonMapper json;
  private final TorrentsProperties properties;
  private final TorrentRepository torrents;

  TorrentViews(JsonMapper json, TorrentsProperties properties, TorrentRepository torrents) {
    this.json = json;
    this.properties = properties;
    this.torrents = torrents;
  }

  /**
   * The whole torrent, its files and MediaInfo text included (the torrent page and write answers).
   */
  public TorrentView full(TorrentRow row, List<Tag> tags, Language language) {
    return view(row, tags, language, true);
  }

  /** A listing item: everything but the files. */
  public TorrentView item(TorrentRow row, List<Tag> tags, Language language) {
    return view(row, tags, language, false);
  }

  private TorrentView view(TorrentRow row, List<Tag> tags, Language language, boolean files) {
    List<TorrentView.FileView> fileViews =
        files
            ? json.readValue(row.files(), new TypeReference<List<TorrentView.FileView>>() {})
            : null;
    String mediaInfo = files ? torrents.mediaInfo(row.id()).orElse(null) : null;
    return new TorrentView(
        row.id(),
        row.title(),
        row.description(),
        row.descriptionHtml() == null ? "" : row.descriptionHtml(),
        new TorrentView.CategoryView(
            row.categorySlug(),
            language.pick(row.categoryNameRu(), row.categoryNameEn()),
            row.categoryNameRu(),
            row.categoryNameEn()),
        tags.stream().map(tag -> new TorrentView.TagView(tag.slug(), tag.name())).toList(),
        new TorrentView.UploaderView(row.uploaderId(), row.uploaderUsername()),
        row.infoHash(),
        row.infoHashV2(),
        row.size(),
        row.fileCount(),
        fileViews,
        row.createdAt(),
        row.updatedAt(),
        row.seeders(),
        row.leechers(),
        row.completed(),
        row.downloads(),
        row.commentCount(),
        MagnetUri.of(row.infoHashV1(), row.infoHashV2(), row.title(), properties.trackers()),
        row.kind().toLowerCase(Locale.ROOT),
        row.privateTorrent(),
        row.createdBy(),
        row.version(),
        row.knownRelease(),
        row.trusted(),
        row.remake(),
        row.complete(),
        row.seriesSlug() == null
            ? null
            : new TorrentView.SeriesView(row.seriesSlug(), row.seriesTitle()),
        mediaInfo);
  }
}
