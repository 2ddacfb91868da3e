package dev.animetracker.search.feed;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.search.query.CategoryView;
import dev.animetracker.search.query.SearchHit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Torznab documents: capabilities, results (RSS 2.0 with {@code torznab:attr} elements, read by
 * Sonarr, Radarr, Prowlarr and Jackett) and errors.
 */
@Component
class TorznabWriter {

  static final String TORZNAB = "http://torznab.com/schemas/2015/feed";
  static final String ATOM = "http://www.w3.org/2005/Atom";

  /** Largest and default page size, announced in caps. */
  static final int MAX_LIMIT = 100;

  static final int DEFAULT_LIMIT = 50;

  private final FeedLinks links;
  private final String siteName;

  TorznabWriter(FeedLinks links, FeedProperties properties) {
    this.links = links;
    this.siteName = properties.siteName();
  }

  /**
   * {@code <caps>} without a namespace (clients look the root element up by its bare name): basic
   * and TV search by text, season and episode; no movie, music or book search.
   */
  byte[] caps(Collection<CategoryView> categories) {
    XmlOut xml = new XmlOut();
    xml.start("caps")
        .empty("server")
        .attribute("version", "1.3")
        .attribute("title", siteName)
        .attribute("url", links.home())
        .empty("limits")
        .attribute("max", MAX_LIMIT)
        .attribute("default", DEFAULT_LIMIT)
        .start("searching");
    searchFunction(xml, "search", true, "q");
    searchFunction(xml, "tv-search", true, "q,season,ep");
    searchFunction(xml, "movie-search", false, "q");
    searchFunction(xml, "music-search", false, "q");
    searchFunction(xml, "audio-search", false, "q");
    searchFunction(xml, "book-search", false, "q");
    xml.end().start("categories");
    for (Map.Entry<TorznabCategories.Standard, Map<Integer, String>> parent :
        TorznabCategories.tree(categories).entrySet()) {
      xml.start("category")
          .attribute("id", parent.getKey().id())
          .attribute("name", parent.getKey().name());
      parent
          .getValue()
          .forEach((id, name) -> xml.empty("subcat").attribute("id", id).attribute("name", name));
      xml.end();
    }
    return xml.end().end().finish();
  }

  /** One page of results. */
  record Page(String selfUrl, List<SearchHit> hits, int offset, long total) {}

  byte[] results(Page page, @Nullable String apiKey) {
    XmlOut xml = new XmlOut();
    xml.start("rss")
        .namespace("atom", ATOM)
        .namespace("torznab", TORZNAB)
        .attribute("version", "2.0")
        .start("channel")
        .empty("atom", "link", ATOM)
        .attribute("href", page.selfUrl())
        .attribute("rel", "self")
        .attribute("type", "application/rss+xml")
        .element("title", siteName)
        .element("description", siteName + " Torznab feed")
        .element("link", links.home())
        .empty("torznab", "response", TORZNAB)
        .attribute("offset", page.offset())
        .attribute("total", page.total());
    for (SearchHit hit : page.hits()) {
      item(xml, hit, apiKey);
    }
    return xml.end().end().finish();
  }

  private void item(XmlOut xml, SearchHit hit, @Nullable String apiKey) {
    String download = links.download(hit.id(), apiKey);
    String pageUrl = links.page(hit.id());
    List<Integer> categories = TorznabCategories.ids(hit.category());
    xml.start("item")
        .element("title", hit.title())
        .start("guid")
        .attribute("isPermaLink", "true")
        .text(pageUrl)
        .end()
        .element("link", download)
        .element("comments", pageUrl)
        .element("pubDate", FeedFormat.rfc822(hit.createdAt()))
        .element("size", Long.toString(hit.size()));
    categories.forEach(id -> xml.element("category", Integer.toString(id)));
    xml.empty("enclosure")
        .attribute("url", download)
        .attribute("length", hit.size())
        .attribute("type", "application/x-bittorrent");
    categories.forEach(id -> attr(xml, "category", Integer.toString(id)));
    attr(xml, "size", Long.toString(hit.size()));
    attr(xml, "files", Integer.toString(hit.fileCount()));
    attr(xml, "grabs", Long.toString(hit.downloads()));
    attr(xml, "seeders", Integer.toString(hit.seeders()));
    attr(xml, "leechers", Integer.toString(hit.leechers()));
    attr(xml, "peers", Long.toString((long) hit.seeders() + hit.leechers()));
    attr(xml, "infohash", hit.infoHash());
    attr(xml, "magneturl", links.magnet(hit));
    attr(xml, "comments", Integer.toString(hit.comments()));
    release(xml, hit.release());
    attr(xml, "downloadvolumefactor", "1");
    attr(xml, "uploadvolumefactor", "1");
    xml.end();
  }

  /**
   * {@code <error code description/>} as the only element, answered with HTTP 200 as the Newznab
   * spec does; clients read the code (100–199 = bad API key).
   */
  byte[] error(TorznabError error, String description) {
    return new XmlOut()
        .empty("error")
        .attribute("code", error.code())
        .attribute("description", description)
        .finish();
  }

  /**
   * The release as Torznab attributes (the spec's names: {@code team} is the release group, {@code
   * subs} the subtitle and {@code language} the audio languages). An episode range has no single
   * {@code episode}; its season (1 for absolute numbering) is still written.
   */
  private static void release(XmlOut xml, @Nullable ParsedRelease release) {
    if (release == null) {
      return;
    }
    Integer season = release.season();
    if (season == null && release.episodeFrom() != null) {
      season = 1;
    }
    if (season != null) {
      attr(xml, "season", Integer.toString(season));
    }
    if (release.episodeFrom() != null && release.episodeFrom().equals(release.episodeTo())) {
      attr(xml, "episode", Integer.toString(release.episodeFrom()));
    }
    if (release.group() != null) {
      attr(xml, "team", release.group());
    }
    if (release.resolution() != null) {
      attr(xml, "resolution", release.resolution());
    }
    if (!release.subtitleLanguages().isEmpty()) {
      attr(xml, "subs", String.join(", ", release.subtitleLanguages()));
    }
    if (!release.audioLanguages().isEmpty()) {
      attr(xml, "language", String.join(", ", release.audioLanguages()));
    }
  }

  private static void attr(XmlOut xml, String name, String value) {
    xml.empty("torznab", "attr", TORZNAB).attribute("name", name).attribute("value", value);
  }

  private static void searchFunction(
      XmlOut xml, String name, boolean available, String supportedParams) {
    xml.empty(name)
        .attribute("available", available ? "yes" : "no")
        .attribute("supportedParams", supportedParams);
  }
}
