package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RssWriterTests {

  private static final String KEY = "ab".repeat(32);

  private final RssWriter writer =
      new RssWriter(FeedTestSupport.links(), FeedTestSupport.properties());

  private XmlDoc write(List<dev.animetracker.search.query.SearchHit> hits, String apiKey) {
    return XmlDoc.parse(
        writer.write(
            new RssWriter.Channel("Home", FeedTestSupport.BASE + "/rss?q=x"), hits, apiKey, false));
  }

  @Test
  void channelIsRss2WithAtomSelfLinkAndNyaaNamespace() {
    XmlDoc doc = write(List.of(), null);

    assertThat(doc.text("/rss/@version")).isEqualTo("2.0");
    assertThat(doc.document().getDocumentElement().getNamespaceURI()).isNull();
    assertThat(doc.text("/rss/channel/title")).isEqualTo("AnimeTracker - Home - Torrent File RSS");
    assertThat(doc.text("/rss/channel/description")).isEqualTo("RSS Feed for Home");
    assertThat(doc.text("/rss/channel/link")).isEqualTo(FeedTestSupport.BASE + "/");
    assertThat(doc.text("/rss/channel/atom:link/@href"))
        .isEqualTo(FeedTestSupport.BASE + "/rss?q=x");
    assertThat(doc.text("/rss/channel/atom:link/@rel")).isEqualTo("self");
    assertThat(doc.text("/rss/channel/atom:link/@type")).isEqualTo("application/rss+xml");
    assertThat(doc.count("/rss/channel/item")).isZero();
  }

  @Test
  void itemsCarryNyaaElementsEnclosureAndPermalink() {
    XmlDoc doc = write(List.of(Hits.hit(7, "[Group] Show - 05 [1080p]")), null);

    String item = "/rss/channel/item[1]";
    assertThat(doc.text(item + "/title")).isEqualTo("[Group] Show - 05 [1080p]");
    assertThat(doc.text(item + "/link"))
        .isEqualTo(FeedTestSupport.BASE + "/api/torrents/7/download");
    assertThat(doc.text(item + "/guid")).isEqualTo(FeedTestSupport.BASE + "/torrents/7");
    assertThat(doc.text(item + "/guid/@isPermaLink")).isEqualTo("true");
    assertThat(doc.text(item + "/pubDate")).isEqualTo("Tue, 03 Nov 2026 07:05:09 +0000");
    assertThat(doc.text(item + "/enclosure/@url"))
        .isEqualTo(FeedTestSupport.BASE + "/api/torrents/7/download");
    assertThat(doc.text(item + "/enclosure/@length")).isEqualTo("1288490189");
    assertThat(doc.text(item + "/enclosure/@type")).isEqualTo("application/x-bittorrent");
    assertThat(doc.text(item + "/nyaa:seeders")).isEqualTo("17");
    assertThat(doc.text(item + "/nyaa:leechers")).isEqualTo("4");
    assertThat(doc.text(item + "/nyaa:downloads")).isEqualTo("345");
    assertThat(doc.text(item + "/nyaa:infoHash")).isEqualTo(Hits.V1);
    assertThat(doc.text(item + "/nyaa:categoryId")).isEqualTo("3");
    assertThat(doc.text(item + "/nyaa:category")).isEqualTo("Anime: English-translated");
    assertThat(doc.text(item + "/nyaa:size")).isEqualTo("1.2 GiB");
    assertThat(doc.text(item + "/nyaa:comments")).isEqualTo("6");
    assertThat(doc.text(item + "/nyaa:trusted")).isEqualTo("No");
    assertThat(doc.text(item + "/nyaa:remake")).isEqualTo("No");
    assertThat(doc.text(item + "/description"))
        .isEqualTo(
            "<a href=\""
                + FeedTestSupport.BASE
                + "/torrents/7\">#7 | [Group] Show - 05 [1080p]</a> | 1.2 GiB"
                + " | Anime: English-translated | "
                + Hits.V1.toUpperCase());
  }

  @Test
  void anApiKeyGoesIntoEveryDownloadLinkButNotThePermalink() {
    XmlDoc doc = write(List.of(Hits.hit(1, "a"), Hits.hit(2, "b")), KEY);

    assertThat(doc.texts("/rss/channel/item/link"))
        .containsExactly(
            FeedTestSupport.BASE + "/api/torrents/1/download?apikey=" + KEY,
            FeedTestSupport.BASE + "/api/torrents/2/download?apikey=" + KEY);
    assertThat(doc.texts("/rss/channel/item/enclosure/@url"))
        .allSatisfy(url -> assertThat(url).endsWith("?apikey=" + KEY));
    assertThat(doc.texts("/rss/channel/item/guid"))
        .allSatisfy(url -> assertThat(url).doesNotContain("apikey"));
  }

  @Test
  void hostileTitlesStayTextAndIllegalCharactersAreDropped() {
    String hostile =
        "<script>alert(1)</script> ]]> & \"q\" 'a' \u0000\u0001\u0008\u000b\u000c\u001f\ufffe\ud800"
            + " Ван-Пис 第1話 \uD83C\uDF38\tend";
    byte[] xml =
        writer.write(
            new RssWriter.Channel(hostile, "https://x/rss"),
            List.of(Hits.hit(3, hostile)),
            null,
            false);
    String raw = new String(xml, StandardCharsets.UTF_8);

    XmlDoc doc = XmlDoc.parse(xml);
    String expected = "<script>alert(1)</script> ]]> & \"q\" 'a'  Ван-Пис 第1話 \uD83C\uDF38\tend";
    assertThat(doc.text("/rss/channel/item/title")).isEqualTo(expected);
    assertThat(doc.text("/rss/channel/description")).isEqualTo("RSS Feed for " + expected);
    // In the description the title is HTML-escaped before XML escaping: a reader rendering the
    // HTML shows the markup as text.
    assertThat(doc.text("/rss/channel/item/description"))
        .contains(
            "#3 | &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot;q&quot; &#39;a&#39;")
        .doesNotContain("<script>");
    assertThat(raw).doesNotContain("<script>").doesNotContain("\u0000").doesNotContain("\u0001");
  }
}
