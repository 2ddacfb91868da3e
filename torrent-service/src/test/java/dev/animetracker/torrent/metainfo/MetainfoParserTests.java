package dev.animetracker.torrent.metainfo;

import static dev.animetracker.torrent.metainfo.SyntheticTorrents.encode;
import static dev.animetracker.torrent.metainfo.SyntheticTorrents.torrent;
import static dev.animetracker.torrent.metainfo.SyntheticTorrents.v1Info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BInteger;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.torrent.metainfo.SyntheticTorrents.Spec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetainfoParserTests {

  private static final long PIECE = 16_384;
  private static final List<Spec> FILES =
      List.of(
          Spec.file(100_000, "Episode 01.mkv"),
          Spec.file(40_000, "Субтитры", "日本語.ass"),
          Spec.file(0, "empty.txt"));

  private final MetainfoParser parser = new MetainfoParser();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private AbstractThrowableAssert<?, ?> rejects(byte[] torrent, String code) {
    return assertThatThrownBy(() -> parser.parse(torrent))
        .isInstanceOfSatisfying(
            MetainfoException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }

  private AbstractThrowableAssert<?, ?> rejectsInfo(BDictionary info, String code) {
    return rejects(encode(torrent(info)), code);
  }

  private static BDictionary validInfo() {
    return v1Info("Show [1080p]", PIECE, FILES);
  }

  private static BDictionary infoWithFile(BDictionary file) {
    return validInfo().with("files", BList.of(file));
  }

  private static BDictionary file(long length, String... path) {
    return BDictionary.builder()
        .put("length", length)
        .put("path", SyntheticTorrents.strings(List.of(path)))
        .build();
  }

  // ---- valid torrents ----

  @Test
  void parsesAV1MultiFileTorrent() throws Exception {
    BDictionary torrent =
        torrent(validInfo().with("private", BInteger.of(1)))
            .with("comment", BString.of("Комментарий"))
            .with("created by", BString.of("test"))
            .with("creation date", BInteger.of(1_700_000_000))
            .with(
                "announce-list",
                BList.of(
                    BList.of(BString.of("http://a/announce"), BString.of("http://b/announce")),
                    BList.of(),
                    BList.of(BString.of("udp://c:6969"))))
            .with("url-list", BString.of("http://seed/"));
    byte[] bytes = encode(torrent);
    Metainfo metainfo = parser.parse(bytes);

    assertThat(metainfo.kind()).isEqualTo(TorrentKind.V1);
    assertThat(metainfo.name()).isEqualTo("Show [1080p]");
    assertThat(metainfo.files())
        .containsExactly(
            new TorrentFile(List.of("Episode 01.mkv"), 100_000),
            new TorrentFile(List.of("Субтитры", "日本語.ass"), "Субтитры/日本語.ass", 40_000),
            new TorrentFile(List.of("empty.txt"), 0));
    assertThat(metainfo.totalSize()).isEqualTo(140_000);
    assertThat(metainfo.pieceLength()).isEqualTo(PIECE);
    assertThat(metainfo.pieceCount()).isEqualTo(9);
    assertThat(metainfo.privateTorrent()).isTrue();
    assertThat(metainfo.comment()).isEqualTo("Комментарий");
    assertThat(metainfo.createdBy()).isEqualTo("test");
    assertThat(metainfo.creationDate()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    assertThat(metainfo.announce()).isEqualTo(SyntheticTorrents.ANNOUNCE);
    assertThat(metainfo.announceList())
        .containsExactly(
            List.of("http://a/announce", "http://b/announce"), List.of("udp://c:6969"));
    assertThat(metainfo.urlList()).containsExactly("http://seed/");

    byte[] info =
        Arrays.copyOfRange(
            bytes, metainfo.infoOffset(), metainfo.infoOffset() + metainfo.infoLength());
    assertThat(metainfo.v1InfoHash())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info)))
        .hasSize(40);
    assertThat(metainfo.v2InfoHash()).isNull();
    assertThat(metainfo.trackerKey()).isEqualTo(metainfo.v1InfoHash());
  }

  @Test
  void parsesASingleFileTorrent() {
    Metainfo metainfo =
        parser.parse(encode(torrent(SyntheticTorrents.v1SingleInfo("ファイル.mkv", PIECE, 50_000))));
    assertThat(metainfo.files()).containsExactly(new TorrentFile(List.of("ファイル.mkv"), 50_000));
    assertThat(metainfo.pieceCount()).isEqualTo(4);
    assertThat(metainfo.announceList()).isEmpty();
    assertThat(metainfo.comment()).isNull();
    assertThat(metainfo.creationDate()).isNull();
  }

  @Test
  void padFilesAreExcludedButCountForPieces() {
    List<Spec> padded = SyntheticTorrents.withPadFiles(FILES, PIECE);
    assertThat(padded).hasSizeGreaterThan(FILES.size());
    List<Spec> withLegacyPad = new ArrayList<>(padded);
    // A legacy pad file: no attr, but under ".pad/" (and a BitComet-style one).
    withLegacyPad.add(new Spec(List.of(".pad", "16384"), PIECE, false));
    withLegacyPad.add(new Spec(List.of("_____padding_file_0_"), PIECE, false));
    Metainfo metainfo = parser.parse(encode(torrent(v1Info("Padded", PIECE, withLegacyPad))));
    assertThat(metainfo.files())
        .extracting(TorrentFile::fullPath)
        .containsExactly("Episode 01.mkv", "Субтитры/日本語.ass", "empty.txt");
    assertThat(metainfo.fileCount()).isEqualTo(3);
    assertThat(metainfo.totalSize()).isEqualTo(140_000);
    long allBytes = withLegacyPad.stream().mapToLong(Spec::size).sum();
    assertThat(metainfo.pieceCount()).isEqualTo((allBytes + PIECE - 1) / PIECE);
  }

  @Test
  void parsesV2AndHybridTorrents() throws Exception {
    List<Spec> files =
        List.of(Spec.file(100_000, "a.mkv"), Spec.file(10_000, "sub", "b.ass"), Spec.file(0, "z"));
    BDictionary[] v2 = SyntheticTorrents.v2InfoAndLayers("V2 show", PIECE, files);
    byte[] v2Bytes = encode(torrent(v2[0], v2[1]));
    Metainfo metainfo = parser.parse(v2Bytes);
    assertThat(metainfo.kind()).isEqualTo(TorrentKind.V2);
    assertThat(metainfo.v1InfoHash()).isNull();
    byte[] info =
        Arrays.copyOfRange(
            v2Bytes, metainfo.infoOffset(), metainfo.infoOffset() + metainfo.infoLength());
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(info));
    assertThat(metainfo.v2InfoHash()).isEqualTo(sha256);
    assertThat(metainfo.trackerKey()).isEqualTo(sha256.substring(0, 40));
    assertThat(metainfo.files())
        .extracting(TorrentFile::fullPath)
        .containsExactly("a.mkv", "sub/b.ass", "z");
    assertThat(metainfo.totalSize()).isEqualTo(110_000);
    assertThat(metainfo.pieceCount()).isEqualTo(7 + 1);

    BDictionary[] hybrid =
        SyntheticTorrents.hybridInfoAndLayers(
            "Hybrid", PIECE, SyntheticTorrents.withPadFiles(files, PIECE));
    Metainfo both = parser.parse(encode(torrent(hybrid[0], hybrid[1])));
    assertThat(both.kind()).isEqualTo(TorrentKind.HYBRID);
    assertThat(both.v1InfoHash()).hasSize(40);
    assertThat(both.v2InfoHash()).hasSize(64);
    assertThat(both.trackerKey()).isEqualTo(both.v1InfoHash());
    assertThat(both.files()).isEqualTo(metainfo.files());
  }

  // ---- not a torrent at all ----

  @Test
  void rejectsInputThatIsNotBencode() {
    byte[] valid = encode(torrent(validInfo()));
    rejects(new byte[0], "not-bencode").hasMessageContaining("empty");
    rejects(Arrays.copyOf(valid, valid.length / 2), "not-bencode")
        .hasMessageStartingWith("The file is not a valid .torrent: Invalid bencode at byte");
    rejects(bytes("<html>not found</html>"), "not-bencode");
    rejects(bytes("d8:announcei01ee"), "not-bencode").hasMessageContaining("leading zero");
    rejects(bytes("d8:announcei-0ee"), "not-bencode").hasMessageContaining("negative zero");
    rejects(bytes("d4:infod4:name99999999999:xee"), "not-bencode")
        .hasMessageContaining("declares 99999999999 bytes");
    rejects(bytes("d4:infode8:announce1:xe"), "not-bencode").hasMessageContaining("not sorted");
    rejects(bytes("d4:infode4:infodee"), "not-bencode").hasMessageContaining("duplicate");
  }

  @Test
  void rejectionsCarryTheValuesTheirMessagesQuote() {
    byte[] valid = encode(torrent(validInfo()));
    assertThatThrownBy(() -> parser.parse(bytes("<html>")))
        .isInstanceOfSatisfying(
            MetainfoException.class, e -> assertThat(e.args()).containsEntry("offset", 0L));
    assertThatThrownBy(() -> parser.parse(Arrays.copyOf(valid, valid.length + 3)))
        .isInstanceOfSatisfying(
            MetainfoException.class,
            e -> assertThat(e.args()).containsEntry("offset", (long) valid.length));
    assertThatThrownBy(
            () -> parser.parse(bytes("d7:comment" + "l".repeat(100) + "e".repeat(100) + "e")))
        .isInstanceOfSatisfying(
            MetainfoException.class, e -> assertThat(e.args()).containsEntry("limit", 64));
    MetainfoParser small = new MetainfoParser(MetainfoLimits.defaults().withMaxTorrentBytes(10));
    assertThatThrownBy(() -> small.parse(valid))
        .isInstanceOfSatisfying(
            MetainfoException.class,
            e -> assertThat(e.args()).containsEntry("limit", 10).containsKey("size"));
  }

  @Test
  void rejectsTrailingDataAndDeepNesting() {
    byte[] valid = encode(torrent(validInfo()));
    byte[] trailing = Arrays.copyOf(valid, valid.length + 3);
    rejects(trailing, "trailing-data").hasMessageContaining("extra data");
    String deep = "d7:comment" + "l".repeat(100) + "e".repeat(100) + "e";
    rejects(bytes(deep), "nesting-too-deep").hasMessageContaining("more than 64 levels");
  }

  @Test
  void rejectsTopLevelValuesThatAreNotADictionary() {
    rejects(bytes("le"), "not-a-dictionary").hasMessageContaining("list");
    rejects(bytes("i1e"), "not-a-dictionary");
    rejects(bytes("4:spam"), "not-a-dictionary");
  }

  @Test
  void rejectsMissingOrInvalidInfo() {
    rejects(bytes("d8:announce3:urle"), "missing-info");
    rejects(bytes("d4:info4:spame"), "bad-info");
    rejects(bytes("d4:infolee"), "bad-info");
    rejects(bytes("d4:infodee"), "missing-name");
  }

  @Test
  void rejectsTorrentFilesOverTheSizeLimit() {
    MetainfoParser small = new MetainfoParser(MetainfoLimits.defaults().withMaxTorrentBytes(100));
    assertThatThrownBy(() -> small.parse(encode(torrent(validInfo()))))
        .isInstanceOfSatisfying(
            MetainfoException.class, e -> assertThat(e.code()).isEqualTo("torrent-too-large"));
  }

  // ---- info fields ----

  @Test
  void rejectsMissingOrBadNames() {
    rejectsInfo(validInfo().without("name"), "missing-name")
        .hasMessage("The .torrent has no name.");
    rejectsInfo(validInfo().with("name", BString.of("")), "missing-name");
    rejectsInfo(validInfo().with("name", BInteger.of(5)), "missing-name");
    rejectsInfo(validInfo().with("name", BString.of("..")), "unsafe-path");
    rejectsInfo(validInfo().with("name", BString.of("a/b")), "unsafe-path");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -16384, 1000, 8192, 16385, 3 * 16384, 1L << 31, 1L << 62})
  void rejectsBadPieceLengths(long pieceLength) {
    rejectsInfo(validInfo().with("piece length", BInteger.of(pieceLength)), "bad-piece-length")
        .hasMessageContaining("power of two");
  }

  @Test
  void rejectsMissingPieceLength() {
    rejectsInfo(validInfo().without("piece length"), "bad-piece-length");
    rejectsInfo(validInfo().with("piece length", BString.of("16384")), "bad-piece-length");
  }

  @Test
  void rejectsInconsistentPieces() {
    byte[] pieces = ((BString) validInfo().get("pieces")).bytes();
    rejectsInfo(
            validInfo().with("pieces", BString.of(Arrays.copyOf(pieces, pieces.length - 20))),
            "pieces-mismatch")
        .hasMessageContaining("need 9 hashes, but it has 8");
    rejectsInfo(
        validInfo().with("pieces", BString.of(Arrays.copyOf(pieces, pieces.length + 20))),
        "pieces-mismatch");
    rejectsInfo(
            validInfo().with("pieces", BString.of(Arrays.copyOf(pieces, pieces.length - 1))),
            "pieces-mismatch")
        .hasMessageContaining("multiple of 20");
    rejectsInfo(validInfo().without("pieces"), "pieces-mismatch");
    rejectsInfo(validInfo().with("pieces", BInteger.of(0)), "pieces-mismatch");
    // Same pieces, more declared content.
    rejectsInfo(infoWithFile(file(10_000_000, "big.mkv")), "pieces-mismatch");
  }

  @Test
  void rejectsNegativeMissingAndAbsurdLengths() {
    rejectsInfo(infoWithFile(file(-1, "x")), "bad-length")
        .hasMessage("The .torrent's file 'x' has a negative length (-1).");
    rejectsInfo(
        infoWithFile(
            BDictionary.builder().put("path", SyntheticTorrents.strings(List.of("x"))).build()),
        "bad-length");
    rejectsInfo(infoWithFile(file(0, "x").with("length", BString.of("12"))), "bad-length");
    rejectsInfo(infoWithFile(file(1L << 62, "huge.mkv")), "too-large")
        .hasMessageContaining("64.0 TiB");
    rejectsInfo(infoWithFile(file(Long.MAX_VALUE, "max.mkv")), "too-large");
    // Each file under the cap, the sum over it (and past Long.MAX_VALUE for a naive sum).
    BList files = BList.of(file(40L << 40, "a"), file(40L << 40, "b"));
    rejectsInfo(validInfo().with("files", files), "too-large");
    MetainfoParser capped = new MetainfoParser(MetainfoLimits.defaults().withMaxTotalSize(100_000));
    assertThatThrownBy(() -> capped.parse(encode(torrent(validInfo()))))
        .isInstanceOfSatisfying(
            MetainfoException.class, e -> assertThat(e.code()).isEqualTo("too-large"));
    rejectsInfo(
        SyntheticTorrents.v1SingleInfo("x", PIECE, 5).with("length", BInteger.of(-5)),
        "bad-length");
  }

  @Test
  void rejectsMalformedFileLists() {
    rejectsInfo(validInfo().without("files"), "bad-file-list");
    rejectsInfo(validInfo().without("files").without("pieces"), "bad-file-list")
        .hasMessageContaining("describes no files");
    rejectsInfo(validInfo().with("files", BList.of()), "bad-file-list");
    rejectsInfo(validInfo().with("files", BString.of("x")), "bad-file-list");
    rejectsInfo(validInfo().with("files", BList.of(BInteger.of(1))), "bad-file-list");
    rejectsInfo(validInfo().with("length", BInteger.of(5)), "bad-file-list");
    rejectsInfo(infoWithFile(file(1).with("path", BList.of())), "bad-file-list");
    rejectsInfo(infoWithFile(file(1).with("path", BList.of(BInteger.of(1)))), "bad-file-list");
    rejectsInfo(infoWithFile(file(1).without("path")), "bad-file-list");
  }

  @Test
  void rejectsPathTraversalAndOtherUnsafePaths() {
    rejectsInfo(infoWithFile(file(1, "..", "x")), "unsafe-path")
        .hasMessageStartingWith("The .torrent's file list contains an unsafe path '../x'");
    rejectsInfo(infoWithFile(file(1, "a", "..", "..", "etc", "passwd")), "unsafe-path");
    rejectsInfo(infoWithFile(file(1, ".", "x")), "unsafe-path");
    rejectsInfo(infoWithFile(file(1, "/etc/passwd")), "unsafe-path")
        .hasMessageContaining("separator");
    rejectsInfo(infoWithFile(file(1, "", "etc", "passwd")), "unsafe-path")
        .hasMessageContaining("empty");
    rejectsInfo(infoWithFile(file(1, "C:", "Windows")), "unsafe-path")
        .hasMessageContaining("absolute");
    rejectsInfo(infoWithFile(file(1, "c:\\evil")), "unsafe-path");
    rejectsInfo(infoWithFile(file(1, "a\\..\\b")), "unsafe-path");
    rejectsInfo(infoWithFile(file(1, "bell\u0007")), "unsafe-path")
        .hasMessageContaining("\\u0007")
        .hasMessageContaining("control character");
    rejectsInfo(infoWithFile(file(1, "new\nline")), "unsafe-path");
  }

  @Test
  void rejectsDuplicatePaths() {
    rejectsInfo(
        validInfo().with("files", BList.of(file(1, "a", "b"), file(1, "a", "b"))),
        "duplicate-path");
    rejectsInfo(
            validInfo().with("files", BList.of(file(1, "a"), file(1, "a", "b"))), "duplicate-path")
        .hasMessageContaining("both a file and a folder");
  }

  @Test
  void limitsTheNumberOfFiles() {
    MetainfoParser limited = new MetainfoParser(MetainfoLimits.defaults().withMaxFiles(10));
    byte[] eleven = SyntheticTorrents.manyFiles(11, 1000, PIECE);
    assertThatThrownBy(() -> limited.parse(eleven))
        .isInstanceOfSatisfying(
            MetainfoException.class,
            e -> {
              assertThat(e.code()).isEqualTo("too-many-files");
              assertThat(e.getMessage()).contains("at most 10");
            });
    assertThat(limited.parse(SyntheticTorrents.manyFiles(10, 1000, PIECE)).fileCount())
        .isEqualTo(10);
    assertThat(parser.parse(SyntheticTorrents.manyFiles(10_000, 1000, PIECE)).fileCount())
        .isEqualTo(10_000);
  }

  @Test
  void rejectsOptionalFieldsOfTheWrongType() {
    BDictionary torrent = torrent(validInfo());
    rejects(encode(torrent.with("announce", BInteger.of(1))), "bad-field")
        .hasMessage("The .torrent's 'announce' field is not text.");
    rejects(encode(torrent.with("comment", BList.of())), "bad-field");
    rejects(encode(torrent.with("announce-list", BString.of("x"))), "bad-field");
    rejects(encode(torrent.with("announce-list", BList.of(BString.of("x")))), "bad-field");
    rejects(encode(torrent.with("announce-list", BList.of(BList.of(BInteger.of(1))))), "bad-field");
    rejects(encode(torrent.with("url-list", BInteger.of(1))), "bad-field");
    rejects(encode(torrent.with("creation date", BString.of("yesterday"))), "bad-field");
    rejects(encode(torrent.with("creation date", BInteger.of(Long.MAX_VALUE))), "bad-field");
    rejectsInfo(validInfo().with("private", BString.of("1")), "bad-field");
  }

  // ---- v2 / hybrid ----

  private static final List<Spec> V2_FILES =
      List.of(Spec.file(100_000, "a.mkv"), Spec.file(10_000, "sub", "b.ass"));

  private static BDictionary v2Torrent(java.util.function.UnaryOperator<BDictionary> infoChange) {
    BDictionary[] v2 = SyntheticTorrents.v2InfoAndLayers("V2", PIECE, V2_FILES);
    return torrent(infoChange.apply(v2[0]), v2[1]);
  }

  private static BDictionary tree(BDictionary torrent) {
    return (BDictionary) ((BDictionary) torrent.get("info")).get("file tree");
  }

  private static BDictionary withTree(BDictionary info, BDictionary tree) {
    return info.with("file tree", tree);
  }

  private static BDictionary leaf(BDictionary torrent, String name) {
    return (BDictionary) ((BDictionary) tree(torrent).get(name)).get("");
  }

  @Test
  void rejectsBadV2Structure() {
    BDictionary good = v2Torrent(i -> i);
    assertThat(parser.parse(encode(good)).kind()).isEqualTo(TorrentKind.V2);

    rejects(encode(v2Torrent(i -> i.with("meta version", BInteger.of(3)))), "bad-v2-structure");
    rejects(encode(v2Torrent(i -> i.without("meta version"))), "bad-v2-structure");
    rejects(encode(v2Torrent(i -> i.without("file tree"))), "bad-v2-structure");
    rejects(encode(v2Torrent(i -> i.with("file tree", BDictionary.empty()))), "bad-v2-structure");
    rejects(encode(v2Torrent(i -> i.with("file tree", BList.of()))), "bad-v2-structure");
    rejects(encode(good.without("piece layers")), "bad-v2-structure")
        .hasMessageContaining("piece layer of file 'a.mkv' is missing");
    rejects(encode(good.with("piece layers", BList.of())), "bad-v2-structure");

    BDictionary aLeaf = leaf(good, "a.mkv");
    BDictionary layers = (BDictionary) good.get("piece layers");
    BString root = (BString) aLeaf.get("pieces root");
    rejects(
            encode(
                good.with(
                    "piece layers",
                    layers.toBuilder().put(root, BString.of(new byte[32])).build())),
            "bad-v2-structure")
        .hasMessageContaining("expected 224");
    rejectsV2Leaf(good, "a.mkv", aLeaf.without("pieces root"));
    rejectsV2Leaf(good, "a.mkv", aLeaf.with("pieces root", BString.of(new byte[20])));
    rejectsV2Leaf(good, "a.mkv", aLeaf.without("length"), "bad-length");
    rejectsV2Leaf(good, "a.mkv", aLeaf.with("length", BInteger.of(-1)), "bad-length");
    // A file node with extra keys next to "" is both a file and a folder.
    BDictionary fileNode = (BDictionary) tree(good).get("a.mkv");
    rejects(
        encode(
            replaceTree(good, tree(good).with("a.mkv", fileNode.with("x", BDictionary.empty())))),
        "bad-v2-structure");
    rejects(
        encode(replaceTree(good, tree(good).with("a.mkv", BString.of("x")))), "bad-v2-structure");
    rejects(encode(replaceTree(good, tree(good).with("", fileNode))), "bad-v2-structure");
    rejects(encode(replaceTree(good, tree(good).with("..", fileNode))), "unsafe-path");
    rejects(
        encode(replaceTree(good, tree(good).with("empty dir", BDictionary.empty()))),
        "bad-v2-structure");
  }

  private void rejectsV2Leaf(BDictionary torrent, String name, BDictionary leaf) {
    rejectsV2Leaf(torrent, name, leaf, "bad-v2-structure");
  }

  private void rejectsV2Leaf(BDictionary torrent, String name, BDictionary leaf, String code) {
    BDictionary node = BDictionary.builder().put("", leaf).build();
    rejects(encode(replaceTree(torrent, tree(torrent).with(name, node))), code);
  }

  private static BDictionary replaceTree(BDictionary torrent, BDictionary tree) {
    return torrent.with("info", withTree((BDictionary) torrent.get("info"), tree));
  }

  @Test
  void rejectsHybridsWhoseViewsDiffer() {
    BDictionary[] hybrid =
        SyntheticTorrents.hybridInfoAndLayers(
            "H", PIECE, SyntheticTorrents.withPadFiles(V2_FILES, PIECE));
    BDictionary info = hybrid[0];
    assertThat(parser.parse(encode(torrent(info, hybrid[1]))).kind()).isEqualTo(TorrentKind.HYBRID);

    // v1 lists a file under another name.
    List<Spec> renamed =
        SyntheticTorrents.withPadFiles(
            List.of(Spec.file(100_000, "a.mkv"), Spec.file(10_000, "sub", "c.ass")), PIECE);
    BDictionary v1Renamed = v1Info("H", PIECE, renamed);
    rejects(
            encode(torrent(info.with("files", v1Renamed.get("files")), hybrid[1])),
            "hybrid-mismatch")
        .hasMessageContaining("'sub/b.ass'")
        .hasMessageContaining("'sub/c.ass'");
    // v1 has an extra file (same pieces count would not match either, so fix pieces up).
    List<Spec> extra = new ArrayList<>(SyntheticTorrents.withPadFiles(V2_FILES, PIECE));
    extra.add(Spec.file(1, "extra"));
    BDictionary v1Extra = v1Info("H", PIECE, extra);
    rejects(
        encode(
            torrent(
                info.with("files", v1Extra.get("files")).with("pieces", v1Extra.get("pieces")),
                hybrid[1])),
        "hybrid-mismatch");
    // Sizes differ.
    List<Spec> resized =
        SyntheticTorrents.withPadFiles(
            List.of(Spec.file(100_001, "a.mkv"), Spec.file(10_000, "sub", "b.ass")), PIECE);
    BDictionary v1Resized = v1Info("H", PIECE, resized);
    rejects(
        encode(
            torrent(
                info.with("files", v1Resized.get("files")).with("pieces", v1Resized.get("pieces")),
                hybrid[1])),
        "hybrid-mismatch");
  }

  @Test
  void everyRejectionHasACodeAndAMessage() {
    List<BValue> junk = List.of(BInteger.of(1), BString.of("x"), BList.of(), BDictionary.empty());
    for (BValue value : junk) {
      for (String key :
          List.of(
              "name",
              "piece length",
              "pieces",
              "files",
              "length",
              "meta version",
              "file tree",
              "private")) {
        byte[] bytes = encode(torrent(validInfo().with(key, value)));
        try {
          parser.parse(bytes);
        } catch (MetainfoException e) {
          assertThat(e.code()).isNotBlank();
          assertThat(e.getMessage()).startsWith("The ");
        }
      }
    }
  }
}
