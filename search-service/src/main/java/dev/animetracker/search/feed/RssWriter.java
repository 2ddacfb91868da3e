package dev.animetracker.search.feed;

import dev.animetracker.search.query.SearchHit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders search hits as an RSS 2.0 feed shaped like Nyaa's ({@code nyaa:} elements, the .torrent
 * download as {@code link} and enclosure, the torrent page as a permalink {@code guid}), so feed
 * readers and download clients that know Nyaa read it as is.
 */
@Component
class RssWriter {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String NYAA = "https://nyaa.si/xmlns/nyaa";

  private final FeedLinks links;
  private final String siteName;

  RssWriter(FeedLinks links, FeedProperties properties) {
    this.links = links;
    this.siteName = properties.siteName();
  }

  /** What the feed is about and where it lives. */
  record Channel(String term, String selfUrl) {}

  /**
   * The feed; with {@code magnets} each {@code link} is the magnet URI instead of the .torrent
   * download (Nyaa's {@code &m}), the enclosure still points at the download.
   */
  byte[] write(Channel channel, List<SearchHit> hits, @Nullable String apiKey, boolean magnets) {
    XmlOut xml = new XmlOut();
    xml.start("rss")
        .namespace("atom", ATOM)
        .namespace("nyaa", NYAA)
        .attribute("version", "2.0")
        .start("channel")
        .element("title", siteName + " - " + channel.term() + " - Torrent File RSS")
        .element("description", "RSS Feed for " + channel.term())
        .element("link", links.home())
        .empty("atom", "link", ATOM)
        .attribute("href", channel.selfUrl())
        .attribute("rel", "self")
        .attribute("type", "application/rss+xml");
    for (SearchHit hit : hits) {
      item(xml, hit, apiKey, magnets);
    }
    return xml.end().end().finish();
  }

  private void item(XmlOut xml, SearchHit hit, @Nullable String apiKey, boolean magnets) {
    String download = links.download(hit.id(), apiKey);
    String page = links.page(hit.id());
    String size = FeedFormat.binarySize(hit.size());
    String category = hit.category().nameEn();
    xml.start("item")
        .element("title", hit.title())
        .element("link", magnets ? links.magnet(hit) : download)
        .start("guid")
        .attribute("isPermaLink", "true")
        .text(page)
        .end()
        .element("pubDate", FeedFormat.rfc822(hit.createdAt()))
        .empty("enclosure")
        .attribute("url", download)
        .attribute("length", hit.size())
        .attribute("type", "application/x-bittorrent")
        .element("nyaa", "seeders", NYAA, Integer.toString(hit.seeders()))
        .element("nyaa", "leechers", NYAA, Integer.toString(hit.leechers()))
        .element("nyaa", "downloads", NYAA, Long.toString(hit.downloads()))
        .element("nyaa", "infoHash", NYAA, hit.infoHash())
        .element("nyaa", "categoryId", NYAA, Long.toString(hit.category().id()))
        .element("nyaa", "category", NYAA, category)
        .element("nyaa", "size", NYAA, size)
        .element("nyaa", "comments", NYAA, Integer.toString(hit.comments()))
        // Nyaa writes the flags as Yes/No, and feed readers' filters compare those words.
        .element("nyaa", "trusted", NYAA, yesNo(hit.trusted()))
        .element("nyaa", "remake", NYAA, yesNo(hit.remake()))
        // HTML as text: the writer escapes it once for XML, readers unescape and render it; the
        // title inside is HTML-escaped first so it can only ever show as text.
        .element(
            "description",
            "<a href=\""
                + FeedFormat.html(page)
                + "\">#"
                + hit.id()
                + " | "
                + FeedFormat.html(XmlOut.clean(hit.title()))
                + "</a> | "
                + size
                + " | "
                + FeedFormat.html(category)
                + " | "
                + hit.infoHash().toUpperCase(Locale.ROOT))
        .end();
  }

  private static String yesNo(boolean value) {
    return value ? "Yes" : "No";
  }
}
