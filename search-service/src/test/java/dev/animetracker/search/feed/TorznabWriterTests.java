package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.search.query.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TorznabWriterTests {

  private static final String KEY = "cd".repeat(32);

  private final TorznabWriter writer =
      new TorznabWriter(FeedTestSupport.links(), FeedTestSupport.properties());

  @Test
  void capsAnnouncesLimitsSearchFunctionsAndCategoryTree() {
    XmlDoc doc = XmlDoc.parse(writer.caps(Hits.SEEDED));

    assertThat(doc.document().getDocumentElement().getLocalName()).isEqualTo("caps");
    assertThat(doc.document().getDocumentElement().getNamespaceURI()).isNull();
    assertThat(doc.text("/caps/server/@title")).isEqualTo("AnimeTracker");
    assertThat(doc.text("/caps/limits/@max")).isEqualTo("100");
    assertThat(doc.text("/caps/limits/@default")).isEqualTo("50");
    assertThat(doc.text("/caps/searching/search/@available")).isEqualTo("yes");
    assertThat(doc.text("/caps/searching/search/@supportedParams")).isEqualTo("q");
    assertThat(doc.text("/caps/searching/tv-search/@available")).isEqualTo("yes");
    assertThat(doc.text("/caps/searching/tv-search/@supportedParams")).isEqualTo("q,season,ep");
    assertThat(doc.text("/caps/searching/movie-search/@available")).isEqualTo("no");

    assertThat(doc.texts("/caps/categories/category/@id"))
        .containsExactly("3000", "5000", "7000", "8000");
    assertThat(doc.text("/caps/categories/category[@id='5000']/@name")).isEqualTo("TV");
    assertThat(doc.texts("/caps/categories/category[@id='5000']/subcat/@id"))
        .containsExactly("5070", "100003", "100007");
    assertThat(doc.text("//subcat[@id='5070']/@name")).isEqualTo("TV/Anime");
    assertThat(doc.text("//subcat[@id='100003']/@name")).isEqualTo("Anime: English-translated");
    assertThat(doc.texts("/caps/categories/category[@id='3000']/subcat/@id"))
        .containsExactly("100005");
    assertThat(doc.texts("/caps/categories/category[@id='7000']/subcat/@id"))
        .containsExactly("7030", "100006");
    assertThat(doc.texts("/caps/categories/category[@id='8000']/subcat/@id"))
        .containsExactly("100008");
  }

  @Test
  void capsOfAnEmptyReadModelStillOffersTvAnime() {
    XmlDoc doc = XmlDoc.parse(writer.caps(List.of()));
    assertThat(doc.texts("/caps/categories/category/@id")).containsExactly("5000");
    assertThat(doc.texts("//subcat/@id")).containsExactly("5070");
  }

  @Test
  void resultsAreRssWithTorznabAttributes() {
    SearchHit hit = Hits.hit(9, "[Group] Show S01E05 1080p");
    XmlDoc doc =
        XmlDoc.parse(
            writer.results(
                new TorznabWriter.Page(
                    FeedTestSupport.BASE + "/torznab/api?t=search", List.of(hit), 0, 1),
                KEY));

    assertThat(doc.text("/rss/@version")).isEqualTo("2.0");
    assertThat(doc.text("/rss/channel/torznab:response/@offset")).isEqualTo("0");
    assertThat(doc.text("/rss/channel/torznab:response/@total")).isEqualTo("1");
    assertThat(doc.text("/rss/channel/atom:link/@href"))
        .isEqualTo(FeedTestSupport.BASE + "/torznab/api?t=search");
    String item = "/rss/channel/item[1]";
    String download = FeedTestSupport.BASE + "/api/torrents/9/download?apikey=" + KEY;
    assertThat(doc.text(item + "/title")).isEqualTo("[Group] Show S01E05 1080p");
    assertThat(doc.text(item + "/guid")).isEqualTo(FeedTestSupport.BASE + "/torrents/9");
    assertThat(doc.text(item + "/link")).isEqualTo(download);
    assertThat(doc.text(item + "/comments")).isEqualTo(FeedTestSupport.BASE + "/torrents/9");
    assertThat(doc.text(item + "/pubDate")).isEqualTo("Tue, 03 Nov 2026 07:05:09 +0000");
    assertThat(doc.text(item + "/size")).isEqualTo("1288490189");
    assertThat(doc.text(item + "/enclosure/@url")).isEqualTo(download);
    assertThat(doc.text(item + "/enclosure/@length")).isEqualTo("1288490189");
    assertThat(doc.text(item + "/enclosure/@type")).isEqualTo("application/x-bittorrent");
    assertThat(doc.texts(item + "/torznab:attr[@name='category']/@value"))
        .containsExactly("5070", "100003");
    assertThat(doc.text(item + "/torznab:attr[@name='seeders']/@value")).isEqualTo("17");
    assertThat(doc.text(item + "/torznab:attr[@name='leechers']/@value")).isEqualTo("4");
    assertThat(doc.text(item + "/torznab:attr[@name='peers']/@value")).isEqualTo("21");
    assertThat(doc.text(item + "/torznab:attr[@name='grabs']/@value")).isEqualTo("345");
    assertThat(doc.text(item + "/torznab:attr[@name='size']/@value")).isEqualTo("1288490189");
    assertThat(doc.text(item + "/torznab:attr[@name='files']/@value")).isEqualTo("12");
    assertThat(doc.text(item + "/torznab:attr[@name='infohash']/@value")).isEqualTo(Hits.V1);
    assertThat(doc.text(item + "/torznab:attr[@name='magneturl']/@value"))
        .startsWith("magnet:?xt=urn:btih:" + Hits.V1 + "&dn=");
    assertThat(doc.text(item + "/torznab:attr[@name='downloadvolumefactor']/@value"))
        .isEqualTo("1");
    assertThat(doc.text(item + "/torznab:attr[@name='uploadvolumefactor']/@value")).isEqualTo("1");
    // Single-valued attributes appear once (some clients take the only match).
    for (String name : List.of("seeders", "peers", "size", "infohash", "magneturl", "grabs")) {
      assertThat(doc.count(item + "/torznab:attr[@name='" + name + "']")).as(name).isEqualTo(1);
    }
  }

  @Test
  void withoutApiKeyTheLinksNeedALogin() {
    XmlDoc doc =
        XmlDoc.parse(
            writer.results(
                new TorznabWriter.Page("https://x/torznab/api", List.of(Hits.hit(1, "a")), 0, 1),
                null));
    assertThat(doc.text("//item/enclosure/@url"))
        .isEqualTo(FeedTestSupport.BASE + "/api/torrents/1/download");
  }

  @Test
  void errorsAreABareErrorElement() {
    XmlDoc doc =
        XmlDoc.parse(
            writer.error(
                TorznabError.INCORRECT_PARAMETER,
                TorznabError.INCORRECT_PARAMETER.describe("limit <must> be & \u0007")));
    assertThat(doc.document().getDocumentElement().getLocalName()).isEqualTo("error");
    assertThat(doc.text("/error/@code")).isEqualTo("201");
    assertThat(doc.text("/error/@description"))
        .isEqualTo("Incorrect parameter: limit <must> be & ");
  }
}
