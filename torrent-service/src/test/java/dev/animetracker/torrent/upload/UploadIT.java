package dev.animetracker.torrent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.torrent.RealTorrents;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class UploadIT extends TorrentApiTestSupport {

  @TempDir static Path work;
  static RealTorrents tools;

  @BeforeAll
  static void tools() throws Exception {
    tools = new RealTorrents(work);
  }

  @Test
  void realTorrentsGetTheirHashesFilesAndSizes() throws Exception {
    User uploader = user("real");
    Path content = tools.content("Аниме テスト [1080p] " + System.nanoTime(), System.nanoTime());
    List<byte[]> torrents = new ArrayList<>(tools.libtorrent(content));
    torrents.add(
        tools.mktorrent(
            content.resolveSibling(content.getFileName()),
            "http://tracker.example/announce",
            "udp://backup.example:6969/announce"));
    List<String> kinds = List.of("v1", "v2", "hybrid", "v1");
    for (int i = 0; i < torrents.size(); i++) {
      byte[] torrent = torrents.get(i);
      JsonNode expected = tools.describe(torrent);
      String v1 = expected.get("v1").isNull() ? null : expected.get("v1").asString();
      String v2 = expected.get("v2").isNull() ? null : expected.get("v2").asString();
      Response response = upload(torrent, Map.of("category", "anime-rus-subs"), uploader);
      if (response.status() == 409) {
        // libtorrent's and mktorrent's v1 may be byte-identical in info (same piece size).
        response.assertProblem(409, "duplicate-torrent");
        continue;
      }
      response.assertStatus(201);
      JsonNode body = response.json();
      assertThat(response.header("Location")).hasValue("/api/torrents/" + body.get("id").asLong());
      assertThat(body.get("kind").asString()).isEqualTo(kinds.get(i));
      assertThat(body.get("infoHash").asString()).isEqualTo(v1 != null ? v1 : v2.substring(0, 40));
      assertThat(body.get("infoHashV2").isNull() ? null : body.get("infoHashV2").asString())
          .isEqualTo(v2);
      List<JsonNode> contentFiles = new ArrayList<>();
      expected
          .get("files")
          .forEach(
              f -> {
                if (!f.get("pad").asBoolean()) {
                  contentFiles.add(f);
                }
              });
      assertThat(body.get("fileCount").asInt()).isEqualTo(contentFiles.size());
      assertThat(body.get("size").asLong()).isEqualTo(120_000);
      List<String> paths = new ArrayList<>();
      body.get("files").forEach(f -> paths.add(f.get("path").asString()));
      assertThat(paths)
          .containsExactlyInAnyOrder("Episode 01.mkv", "Субтитры/日本語.ass", "cover.jpg");
      assertThat(body.get("title").asString()).isEqualTo(content.getFileName().toString());
      assertThat(body.get("uploader").get("id").asLong()).isEqualTo(uploader.id());
      assertThat(body.get("uploader").get("username").asString()).isEqualTo(uploader.username());
      assertThat(body.get("category").get("slug").asString()).isEqualTo("anime-rus-subs");
      assertThat(body.get("category").get("name").asString()).isEqualTo("Аниме: русские субтитры");
      assertThat(body.get("seeders").asInt()).isZero();
      assertThat(body.get("downloads").asLong()).isZero();
      String magnet = body.get("magnetUri").asString();
      assertThat(magnet).startsWith("magnet:?");
      if (v1 != null) {
        assertThat(magnet).contains("xt=urn:btih:" + v1);
      }
      if (v2 != null) {
        assertThat(magnet).contains("xt=urn:btmh:1220" + v2);
      }
      assertThat(magnet).contains("&tr=http%3A%2F%2Ftracker.test%3A6969%2Fannounce");
      assertThat(storedFile(body.get("infoHash").asString()))
          .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(torrent));
      assertThat(get("/api/torrents/" + body.get("id").asLong()).assertStatus(200).json())
          .isEqualTo(body);
    }
  }

  @Test
  void titleDefaultsTagsAreNormalisedAndTheCreatedEventCarriesTheSnapshot() {
    User uploader = user("tags");
    String name = "Show " + System.nanoTime();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("category", "anime-raw");
    fields.put("tags", " Attack_on Titan, ШИНГЕКИ  но, 進撃の巨人 ,attack on titan,,Ｆｕｌｌ ＨＤ ");
    fields.put("description", "**bold**");
    JsonNode body = uploaded(randomTorrent(name), fields, uploader);
    assertThat(body.get("title").asString()).isEqualTo(name);
    List<String> slugs = new ArrayList<>();
    body.get("tags").forEach(tag -> slugs.add(tag.get("slug").asString()));
    assertThat(slugs).containsExactly("attack-on-titan", "шингеки-но", "進撃の巨人", "full-hd");
    assertThat(body.get("tags").get(0).get("name").asString()).isEqualTo("Attack_on Titan");
    assertThat(body.get("descriptionHtml").asString()).isEqualTo("<p><strong>bold</strong></p>");

    long id = body.get("id").asLong();
    JsonNode event =
        awaitEvent(
            "torrent.created", payload -> payload.get("torrent").get("torrentId").asLong() == id);
    assertThat(event.get("_key").asString()).isEqualTo(body.get("infoHash").asString());
    JsonNode snapshot = event.get("payload").get("torrent");
    assertThat(snapshot.get("infoHash").asString()).isEqualTo(body.get("infoHash").asString());
    assertThat(snapshot.get("title").asString()).isEqualTo(name);
    assertThat(snapshot.get("category").get("slug").asString()).isEqualTo("anime-raw");
    assertThat(snapshot.get("tags")).hasSize(4);
    assertThat(snapshot.get("uploaderId").asLong()).isEqualTo(uploader.id());
    assertThat(snapshot.get("version").asLong()).isEqualTo(1);
  }

  @Test
  void anonymousUploadsAre401() {
    upload(randomTorrent("anon"), "anime-eng", null).assertProblem(401, "unauthorized");
  }

  @Test
  void invalidTokensAre401() {
    User forged = new User(1, "x", JWKS.wrongIssuerToken(1, "x", roles(true)));
    upload(randomTorrent("forged"), "anime-eng", forged).assertProblem(401, "invalid-access-token");
  }

  @Test
  void duplicatesAre409WithTheExistingId() {
    User first = user("dup1");
    byte[] torrent = randomTorrent("dup");
    long id = uploaded(torrent, Map.of(), first).get("id").asLong();
    Response again =
        upload(torrent, "anime-eng", user("dup2")).assertProblem(409, "duplicate-torrent");
    assertThat(again.json().get("torrentId").asLong()).isEqualTo(id);
  }

  @Test
  void concurrentUploadsOfTheSameTorrentCreateExactlyOne() throws Exception {
    byte[] torrent = randomTorrent("race " + System.nanoTime());
    List<Callable<Response>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      User racer = user("racer" + i);
      tasks.add(() -> upload(torrent, "anime-eng", racer));
    }
    List<Response> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Response> future : pool.invokeAll(tasks)) {
        responses.add(future.get());
      }
    }
    List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
    assertThat(created).hasSize(1);
    long id = created.getFirst().json().get("id").asLong();
    for (Response response : responses) {
      if (response.status() != 201) {
        response.assertProblem(409, "duplicate-torrent");
        assertThat(response.json().get("torrentId").asLong()).isEqualTo(id);
      }
    }
    String hash = created.getFirst().json().get("infoHash").asString();
    assertThat(storedFile(hash))
        .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(torrent));
    JsonNode whitelist = getInternal("/internal/torrents/whitelist").assertStatus(200).json();
    int rows = 0;
    for (JsonNode entry : whitelist) {
      if (hash.equals(entry.get("infoHash").asString())) {
        rows++;
      }
    }
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void hostileTorrentsAre4xxAndStoreNothing() {
    User uploader = user("hostile");
    byte[] valid = randomTorrent("valid");
    BDictionary validRoot =
        dev.animetracker.common.bencode.BDecoder.strict().decodeDictionary(valid);
    BDictionary info = (BDictionary) validRoot.get("info");
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("not-bencode", java.util.Arrays.copyOf(valid, valid.length / 2));
    cases.put("not-a-dictionary", "li1ei2ee".getBytes(StandardCharsets.US_ASCII));
    cases.put("missing-info", "d8:announce3:abce".getBytes(StandardCharsets.US_ASCII));
    cases.put(
        "bad-info", BEncoder.encode(BDictionary.builder().put("info", BString.of("x")).build()));
    cases.put(
        "pieces-mismatch",
        BEncoder.encode(validRoot.with("info", info.with("pieces", BString.of(new byte[20])))));
    cases.put(
        "bad-length",
        BEncoder.encode(
            validRoot.with(
                "info", info.with("length", new dev.animetracker.common.bencode.BInteger(-5)))));
    cases.put(
        "too-large",
        BEncoder.encode(
            validRoot.with(
                "info",
                info.with(
                    "length", new dev.animetracker.common.bencode.BInteger(Long.MAX_VALUE / 2)))));
    cases.put("non-canonical", "d4:infoi03ee".getBytes(StandardCharsets.US_ASCII));
    cases.put("unsafe-path", multiFile(List.of("..", "etc", "passwd")));
    cases.put("absolute", multiFile(List.of("/etc", "passwd")));
    byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 3);
    trailing[valid.length] = 'i';
    trailing[valid.length + 1] = '1';
    trailing[valid.length + 2] = 'e';
    cases.put("trailing-data", trailing);
    cases.put(
        "nesting-too-deep",
        ("d4:info" + "l".repeat(200) + "e".repeat(200) + "e").getBytes(StandardCharsets.US_ASCII));
    cases.put("beyond-input", "d4:info99999999999:xe".getBytes(StandardCharsets.US_ASCII));
    long before = storedFileCount();
    for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
      Response response = upload(entry.getValue(), "anime-eng", uploader);
      assertThat(response.status()).as(entry.getKey() + ": " + response.body()).isEqualTo(400);
      assertThat(response.header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(response.text("code")).as(entry.getKey()).isNotBlank();
      assertThat(response.text("detail")).as(entry.getKey()).isNotBlank();
      if (response.text("code").equals("not-bencode")
          || response.text("code").equals("trailing-data")) {
        // The site says it in the reader's language from the code and the offset (issue 14).
        assertThat(response.json().path("args").path("offset").isNumber())
            .as(entry.getKey() + ": " + response.body())
            .isTrue();
      }
    }
    assertThat(storedFileCount()).isEqualTo(before);
  }

  @Test
  void oversizeTorrentsAre413() {
    byte[] big = new byte[(int) MAX_TORRENT_BYTES + 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    long before = storedFileCount();
    upload(big, "anime-eng", user("big")).assertProblem(413, "torrent-too-large");
    assertThat(storedFileCount()).isEqualTo(before);
  }

  @Test
  void invalidFieldsAre400WithFieldErrors() {
    User uploader = user("fields");
    assertFieldError(upload(null, Map.of("category", "anime-eng"), uploader), "file");
    assertFieldError(upload(new byte[0], Map.of("category", "anime-eng"), uploader), "file");
    assertFieldError(
        upload(randomTorrent("c"), Map.of("category", "no-such"), uploader), "category");
    assertFieldError(upload(randomTorrent("c"), Map.of(), uploader), "category");
    assertFieldError(
        upload(
            randomTorrent("t"),
            Map.of("category", "anime-eng", "tags", "a,b,c,d,e,f,g,h,i,j,k"),
            uploader),
        "tags");
    assertFieldError(
        upload(
            randomTorrent("t"), Map.of("category", "anime-eng", "tags", "x".repeat(33)), uploader),
        "tags");
    assertFieldError(
        upload(
            randomTorrent("t"),
            Map.of("category", "anime-eng", "title", "я".repeat(201)),
            uploader),
        "title");
  }

  @Test
  void everyBadFieldIsReportedAtOnceWithTheCodesClientsMapToMessages() {
    User uploader = user("codes");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("category", "no-such");
    bad.put("title", "я".repeat(201));
    bad.put("description", "d".repeat(50_001));
    bad.put("tags", "x".repeat(33));
    assertThat(fieldCodes(upload(new byte[0], bad, uploader)))
        .containsExactlyInAnyOrder(
            "file:NotEmpty", "category:Exists", "title:Size", "description:Size", "tags:Invalid");
    assertThat(fieldCodes(upload(null, Map.of("category", " "), uploader)))
        .containsExactlyInAnyOrder("file:NotNull", "category:NotBlank");
    assertThat(fieldCodes(upload(null, Map.of("category", "anime-eng", "file", "abc"), uploader)))
        .as("a text field is no file")
        .containsExactly("file:NotNull");
  }

  @Test
  void titlesCountCodePointsAndABlankDescriptionIsNone() {
    String title = "\uD83C\uDF38".repeat(200); // 200 code points, 400 UTF-16 chars
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("description", " ".repeat(50_001));
    JsonNode body = uploaded(randomTorrent("emoji " + System.nanoTime()), fields, user("emoji"));
    assertThat(body.get("title").asString()).isEqualTo(title);
    assertThat(body.get("description").isNull()).isTrue();
  }

  private static List<String> fieldCodes(Response response) {
    response.assertProblem(400, "validation-failed");
    List<String> codes = new ArrayList<>();
    response
        .json()
        .get("errors")
        .forEach(e -> codes.add(e.get("field").asString() + ":" + e.get("code").asString()));
    return codes;
  }

  private void assertFieldError(Response response, String field) {
    response.assertProblem(400, "validation-failed");
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
    assertThat(fields).contains(field);
  }

  private static byte[] multiFile(List<String> path) {
    List<BValue> components = new ArrayList<>();
    path.forEach(part -> components.add(BString.of(part)));
    BDictionary file =
        BDictionary.builder().put("length", 10L).put("path", new BList(components)).build();
    BDictionary info =
        BDictionary.builder()
            .put("files", new BList(List.of(file)))
            .put("name", "evil")
            .put("piece length", 16_384L)
            .put("pieces", BString.of(new byte[20]))
            .build();
    return BEncoder.encode(BDictionary.builder().put("info", info).build());
  }
}
