package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.catalog.CatalogDtos.Torrent;
import dev.animetracker.gateway.catalog.CatalogDtos.TorrentPage;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a torrent table for the {@code fragments/torrents} fragments (and the search table,
 * whose rows are search hits).
 *
 * @param <T> the row type
 * @param items the rows
 * @param page the page shown, 1-based (as in the {@code ?page=} parameter)
 * @param pages how many pages there are (at least 1)
 * @param total how many torrents there are
 * @param baseUrl the page's own address without {@code page}, e.g. {@code /}, {@code /users/alice}
 *     or {@code /?q=frieren} (already encoded)
 */
public record Listing<T>(List<T> items, int page, int pages, long total, String baseUrl) {

  public static Listing<Torrent> of(TorrentPage result, int page, int size, String baseUrl) {
    return of(result.itemList(), result.total(), page, size, baseUrl);
  }

  public static <T> Listing<T> of(List<T> items, long total, int page, int size, String baseUrl) {
    long count = Math.max(total, items.size());
    int pages = (int) Math.max(1, (count + size - 1) / size);
    return new Listing<>(items, page, pages, count, baseUrl);
  }

  public boolean empty() {
    return items.isEmpty();
  }

  /**
   * A page number beyond the last page ({@code ?page=999} of 59 torrents): the page says so and
   * links to the last page instead of claiming there are no torrents.
   */
  public boolean pastEnd() {
    return items.isEmpty() && total > 0 && page > pages;
  }

  /** The address of the last page. */
  public String lastUrl() {
    return new Listing<>(items, pages, pages, total, baseUrl).url();
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages;
  }

  /** This page's own address: {@code baseUrl} with {@code page} when it is not the first. */
  public String url() {
    if (page <= 1) {
      return baseUrl;
    }
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "page=" + page;
  }

  /** The page numbers around the current one (a window of up to 7), for the pager. */
  public List<Integer> window() {
    int from = Math.max(1, page - 3);
    int to = Math.min(pages, from + 6);
    from = Math.max(1, to - 6);
    List<Integer> numbers = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      numbers.add(i);
    }
    return numbers;
  }

  /** A 1-based {@code ?page=} value clamped to sane bounds. */
  public static int page(String raw) {
    try {
      return Math.min(Math.max(1, Integer.parseInt(raw.trim())), 100_000);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
