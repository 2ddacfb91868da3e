package dev.animetracker.torrent.listing;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading torrents: one torrent page, and the filtered listing newest first. */
@Service
public class ListingService {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 100;
  static final int MAX_PAGE = 100_000;

  private final TorrentRepository torrents;
  private final Catalogue catalogue;
  private final TorrentViews views;

  ListingService(TorrentRepository torrents, Catalogue catalogue, TorrentViews views) {
    this.torrents = torrents;
    this.catalogue = catalogue;
    this.views = views;
  }

  /** A page of the listing. */
  public record Page(List<TorrentView> items, int page, int size, long total) {}

  /** The listing's query parameters as sent (all optional). */
  public record Query(String page, String size, String uploader, String category) {}

  @Transactional(readOnly = true)
  public TorrentView get(long id, Language language) {
    TorrentRow row = torrents.find(id).orElseThrow(TorrentExceptions::notFound);
    return views.full(row, torrents.tags(id), language);
  }

  /** 400 {@code validation-failed} naming every bad parameter at once. */
  @Transactional(readOnly = true)
  public Page list(Query query, Language language) {
    Problems.Errors errors = new Problems.Errors();
    int page = parseInt(query.page(), 0);
    if (page < 0 || page > MAX_PAGE) {
      errors.add("page", "Range", "page must be a number from 0 (the first page).");
    }
    int size = parseInt(query.size(), DEFAULT_PAGE_SIZE);
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add("size", "Range", "size must be a number from 1 to " + MAX_PAGE_SIZE + ".");
    }
    Long categoryId = null;
    String category = query.category();
    if (category != null && !category.isBlank()) {
      categoryId = catalogue.category(category.strip()).map(Category::id).orElse(null);
      if (categoryId == null) {
        errors.add("category", "Exists", "There is no category \"" + category.strip() + "\".");
      }
    }
    errors.throwIfAny();
    String uploader =
        query.uploader() == null || query.uploader().isBlank() ? null : query.uploader().strip();
    long total = torrents.count(uploader, categoryId);
    List<TorrentRow> rows = torrents.page(uploader, categoryId, page, size);
    Map<Long, List<Tag>> tags = torrents.tags(rows.stream().map(TorrentRow::id).toList());
    List<TorrentView> items =
        rows.stream()
            .map(row -> views.item(row, tags.getOrDefault(row.id(), List.of()), language))
            .toList();
    return new Page(items, page, size, total);
  }

  /** A missing value is the default; anything but a number is out of range. */
  private static int parseInt(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
