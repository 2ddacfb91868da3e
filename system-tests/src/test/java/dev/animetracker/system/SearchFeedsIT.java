package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Search and feeds end to end: uploads become searchable through the gateway right after their 201
 * (the delay is logged), and RSS and Torznab are parsed the way qBittorrent and Sonarr read them;
 * the feed's API-key enclosure downloads without a login and counts the download.
 */
class SearchFeedsIT {

  private static final Logger log = LoggerFactory.getLogger(SearchFeedsIT.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int UPLOADS = 8;

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void uploadsAreSearchableAtOnceAndFeedsServeThem() throws Exception {
    String name = Api.uniqueName("Seeker");
    String token = Api.registerVerifiedUser(name, "seeker password").path("accessToken").asString();
    String word = "zq" + name.substring(name.indexOf('_') + 1).toLowerCase(java.util.Locale.ROOT);

    List<Long> delays = new ArrayList<>();
    long lastId = 0;
    String lastHash = null;
    for (int i = 1; i <= UPLOADS; i++) {
      Path file = Torrents.make("[Group] Sousou no Frieren " + word + " - 0" + i + " (1080p)");
      Api.Response created = Torrents.upload(file, Map.of("category", "anime-eng"), token);
      long createdAt = System.nanoTime();
      assertThat(created.status()).isEqualTo(201);
      lastId = created.json().path("id").asLong();
      lastHash = created.json().path("infoHash").asString();
      String query = "/api/search?q=" + encode(word + " 0" + i);
      long id = lastId;
      await()
          .atMost(Duration.ofSeconds(10))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Api.get(query, null).json().path("items").path(0).path("id").asLong() == id);
      delays.add((System.nanoTime() - createdAt) / 1_000_000);
    }
    Collections.sort(delays);
    log.info("201 -> searchable through the gateway, ms (sorted): {}", delays);

    JsonNode all = Api.get("/api/search?q=" + encode(word) + "&sort=title&order=asc", null).json();
    assertThat(all.path("total").asLong()).isEqualTo(UPLOADS);
    assertThat(all.path("items").get(0).path("title").asString()).endsWith("- 01 (1080p)");
    assertThat(Api.get("/api/search?q=" + lastHash, null).json().path("items").get(0).path("id"))
        .hasToString(Long.toString(lastId));
    assertThat(Api.get("/api/search?size=1000", null).status()).isEqualTo(400);

    String apiKey = Api.get("/api/users/me/api-key", token).text("apiKey");

    // qBittorrent's RSS reader: items with a .torrent enclosure that downloads without cookies.
    Document rss = xml(Stack.baseUrl() + "/rss?q=" + encode(word) + "&apikey=" + apiKey);
    XPath xpath = xpath();
    assertThat(xpath.evaluate("count(/rss/channel/item)", rss))
        .isEqualTo(Integer.toString(UPLOADS));
    assertThat(xpath.evaluate("/rss/channel/item[1]/nyaa:infoHash", rss)).isEqualTo(lastHash);
    String enclosure = xpath.evaluate("/rss/channel/item[1]/enclosure/@url", rss);
    assertThat(xpath.evaluate("/rss/channel/item[1]/enclosure/@type", rss))
        .isEqualTo("application/x-bittorrent");
    long downloadsBefore =
        Api.get("/api/torrents/" + lastId, null).json().path("downloads").asLong();
    HttpResponse<byte[]> torrent =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(local(enclosure))).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(torrent.statusCode()).isEqualTo(200);
    assertThat(torrent.headers().firstValue("Content-Type")).hasValue("application/x-bittorrent");
    assertThat(Api.get("/api/torrents/" + lastId, null).json().path("downloads").asLong())
        .isEqualTo(downloadsBefore + 1);

    // Sonarr/Prowlarr: caps, an empty query lists the newest, a search finds ours, bad key = 100.
    Document caps = xml(Stack.baseUrl() + "/torznab/api?t=caps");
    assertThat(xpath.evaluate("/caps/searching/tv-search/@available", caps)).isEqualTo("yes");
    assertThat(xpath.evaluate("count(//category[@id='5000']/subcat[@id='5070'])", caps))
        .isEqualTo("1");
    Document newest = xml(Stack.baseUrl() + "/torznab/api?t=search&apikey=" + apiKey);
    assertThat(xpath.evaluate("/rss/channel/item[1]/guid", newest)).endsWith("/" + lastId);
    Document search =
        xml(Stack.baseUrl() + "/torznab/api?t=search&q=" + encode(word) + "&apikey=" + apiKey);
    NodeList hashes =
        (NodeList)
            xpath.evaluate(
                "/rss/channel/item/torznab:attr[@name='infohash']/@value",
                search,
                XPathConstants.NODESET);
    assertThat(hashes.getLength()).isEqualTo(UPLOADS);
    Document badKey = xml(Stack.baseUrl() + "/torznab/api?t=search&apikey=nope");
    assertThat(xpath.evaluate("/error/@code", badKey)).isEqualTo("100");
  }

  /** Enclosure URLs carry PUBLIC_BASE_URL; the test stack's gateway answers on its own port. */
  private static String local(String url) {
    URI uri = URI.create(url);
    return Stack.baseUrl()
        + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static Document xml(String url) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
  }

  private static XPath xpath() {
    XPath xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return switch (prefix) {
              case "nyaa" -> "https://nyaa.si/xmlns/nyaa";
              case "torznab" -> "http://torznab.com/schemas/2015/feed";
              default -> null;
            };
          }

          @Override
          public String getPrefix(String namespaceUri) {
            return null;
          }

          @Override
          public java.util.Iterator<String> getPrefixes(String namespaceUri) {
            return null;
          }
        });
    return xpath;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
