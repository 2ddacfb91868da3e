package dev.animetracker.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/** torrent-service answers and the upload form the page ITs share (no stubs of their own). */
final class CatalogFixtures {

  static final String TORRENT_FILE =
      "d8:announce31:http://tracker.example/announce4:infod4:name5:Frierenee";

  private CatalogFixtures() {}

  static MultipartBodyBuilder uploadForm(String csrf) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    if (csrf != null) {
      form.part("_csrf", csrf);
    }
    form.part(
            "file",
            new ByteArrayResource(TORRENT_FILE.getBytes(StandardCharsets.US_ASCII)) {
              @Override
              public String getFilename() {
                return "frieren.torrent";
              }
            })
        .contentType(MediaType.parseMediaType("application/x-bittorrent"));
    form.part("title", "Фрирен — 1 сезон");
    form.part("category", "tv");
    form.part("tags", "1080p, subs");
    form.part("description", "**Best** show");
    return form;
  }

  static String categories() {
    return "[{\"id\":1,\"slug\":\"tv\",\"name\":\"TV\",\"nameRu\":\"Сериал\",\"nameEn\":\"TV series\","
        + "\"torrentCount\":3},{\"id\":2,\"slug\":\"movie\",\"name\":\"Movie\",\"nameRu\":\"Фильм\","
        + "\"nameEn\":\"Movie\",\"torrentCount\":0}]";
  }

  static String torrent(long id, String title, long uploaderId) {
    String escaped = title.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"id\":"
        + id
        + ",\"title\":\""
        + escaped
        + "\",\"description\":\"Great **release**\","
        + "\"descriptionHtml\":\"<p>Great <strong>release</strong></p>\","
        + "\"category\":{\"slug\":\"tv\",\"name\":\"TV series\"},"
        + "\"tags\":[{\"slug\":\"1080p\",\"name\":\"1080p\"}],"
        + "\"uploader\":{\"id\":"
        + uploaderId
        + ",\"username\":\"uploader\"},"
        + "\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\","
        + "\"infoHashV2\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
        + "\"size\":1610612736,\"fileCount\":4,"
        + "\"files\":[{\"path\":\"Frieren/Season 1/E02.mkv\",\"size\":536870912},"
        + "{\"path\":\"Frieren/Season 1/E01.mkv\",\"size\":536870912},"
        + "{\"path\":\"Frieren/Extras/NCOP.mkv\",\"size\":536870911},"
        + "{\"path\":\"Frieren/readme.txt\",\"size\":1}],"
        + "\"createdAt\":\"2025-03-05T14:03:00Z\",\"updatedAt\":\"2025-03-05T14:03:00Z\","
        + "\"seeders\":12,\"leechers\":3,\"completed\":40,\"downloads\":55,\"commentCount\":2,"
        + "\"magnetUri\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\","
        + "\"kind\":\"hybrid\",\"private\":false,\"createdBy\":\"qBittorrent\"}";
  }

  static String comments() {
    return "[{\"id\":11,\"torrentId\":5,\"author\":{\"id\":8,\"username\":\"erin\"},"
        + "\"text\":\"*Спасибо*\",\"textHtml\":\"<p><em>Спасибо</em></p>\","
        + "\"createdAt\":\"2025-03-06T10:00:00Z\",\"updatedAt\":\"2025-03-06T11:00:00Z\","
        + "\"edited\":true},"
        + "{\"id\":12,\"torrentId\":5,\"author\":{\"id\":9,\"username\":\"frank\"},"
        + "\"text\":\"ok\",\"textHtml\":\"<p>ok</p>\",\"createdAt\":\"2025-03-06T12:00:00Z\","
        + "\"updatedAt\":\"2025-03-06T12:00:00Z\",\"edited\":false}]";
  }
}
