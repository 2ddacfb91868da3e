package dev.animetracker.torrent.metainfo;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Builds synthetic torrents in memory (tests and the benchmark); content is never hashed. */
final class SyntheticTorrents {

  static final String ANNOUNCE = "http://tracker.example/announce";

  private SyntheticTorrents() {}

  /** A file spec: path components below the root folder and size. */
  record Spec(List<String> path, long size, boolean pad) {
    static Spec file(long size, String... path) {
      return new Spec(List.of(path), size, false);
    }

    static Spec pad(long size) {
      return new Spec(List.of(".pad", Long.toString(size)), size, true);
    }
  }

  /** A v1 multi-file info dictionary with correct-length (fake) piece hashes. */
  static BDictionary v1Info(String name, long pieceLength, List<Spec> files) {
    List<BValue> entries = new ArrayList<>(files.size());
    long total = 0;
    for (Spec spec : files) {
      total += spec.size();
      BDictionary.Builder entry =
          BDictionary.builder().put("length", spec.size()).put("path", strings(spec.path()));
      if (spec.pad()) {
        entry.put("attr", "p");
      }
      entries.add(entry.build());
    }
    return BDictionary.builder()
        .put("files", new BList(entries))
        .put("name", name)
        .put("piece length", pieceLength)
        .put("pieces", BString.of(pieces(total, pieceLength, 20)))
        .build();
  }

  /** A v1 single-file info dictionary. */
  static BDictionary v1SingleInfo(String name, long pieceLength, long length) {
    return BDictionary.builder()
        .put("length", length)
        .put("name", name)
        .put("piece length", pieceLength)
        .put("pieces", BString.of(pieces(length, pieceLength, 20)))
        .build();
  }

  /** A v2 info dictionary plus its piece layers (the pad specs are ignored). */
  static BDictionary[] v2InfoAndLayers(String name, long pieceLength, List<Spec> files) {
    Random random = new Random(name.hashCode());
    BDictionary tree = BDictionary.empty();
    BDictionary.Builder layers = BDictionary.builder();
    for (Spec spec : files) {
      if (spec.pad()) {
        continue;
      }
      BDictionary.Builder leaf = BDictionary.builder().put("length", spec.size());
      if (spec.size() > 0) {
        byte[] root = new byte[32];
        random.nextBytes(root);
        leaf.put("pieces root", BString.of(root));
        if (spec.size() > pieceLength) {
          layers.put(BString.of(root), BString.of(pieces(spec.size(), pieceLength, 32)));
        }
      }
      tree = insert(tree, spec.path(), BDictionary.builder().put("", leaf.build()).build());
    }
    BDictionary info =
        BDictionary.builder()
            .put("file tree", tree)
            .put("meta version", 2)
            .put("name", name)
            .put("piece length", pieceLength)
            .build();
    return new BDictionary[] {info, layers.build()};
  }

  /** Hybrid: the v2 tree of the content files and the v1 list in tree order with pad files. */
  static BDictionary[] hybridInfoAndLayers(String name, long pieceLength, List<Spec> files) {
    // BEP 52: the v1 list follows the file tree order, each file padded to a piece boundary.
    List<Spec> content =
        files.stream().filter(spec -> !spec.pad()).sorted(SyntheticTorrents::treeOrder).toList();
    BDictionary[] v2 = v2InfoAndLayers(name, pieceLength, content);
    BDictionary v1 = v1Info(name, pieceLength, withPadFiles(content, pieceLength));
    BDictionary.Builder info = v2[0].toBuilder();
    info.put("files", v1.get("files")).put("pieces", v1.get("pieces"));
    return new BDictionary[] {info.build(), v2[1]};
  }

  /** Pads every file but the last to a piece boundary, as libtorrent does for hybrids. */
  static List<Spec> withPadFiles(List<Spec> files, long pieceLength) {
    List<Spec> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Spec spec = files.get(i);
      out.add(spec);
      long rest = spec.size() % pieceLength;
      if (i < files.size() - 1 && rest != 0) {
        out.add(Spec.pad(pieceLength - rest));
      }
    }
    return out;
  }

  /** The order of a v2 file tree walk: component by component, raw UTF-8 bytes. */
  static int treeOrder(Spec a, Spec b) {
    for (int i = 0; i < Math.min(a.path().size(), b.path().size()); i++) {
      int order =
          Arrays.compareUnsigned(
              a.path().get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
              b.path().get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.path().size(), b.path().size());
  }

  static BDictionary torrent(BDictionary info) {
    return BDictionary.builder().put("announce", ANNOUNCE).put("info", info).build();
  }

  static BDictionary torrent(BDictionary info, BDictionary pieceLayers) {
    return torrent(info).with("piece layers", pieceLayers);
  }

  static byte[] encode(BDictionary torrent) {
    return BEncoder.encode(torrent);
  }

  /** A torrent of {@code count} files under nested folders. */
  static byte[] manyFiles(int count, long fileSize, long pieceLength) {
    List<Spec> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      files.add(
          Spec.file(fileSize, "season " + (i / 1000), "disc " + (i / 100 % 10), "ep" + i + ".mkv"));
    }
    return encode(torrent(v1Info("Many files", pieceLength, files)));
  }

  static BList strings(List<String> values) {
    return new BList(values.stream().map(v -> (BValue) BString.of(v)).toList());
  }

  private static byte[] pieces(long total, long pieceLength, int hashLength) {
    long count = total == 0 ? 0 : (total - 1) / pieceLength + 1;
    byte[] bytes = new byte[Math.toIntExact(count * hashLength)];
    Arrays.fill(bytes, (byte) 0x5a);
    return bytes;
  }

  private static BDictionary insert(BDictionary tree, List<String> path, BDictionary leaf) {
    String head = path.getFirst();
    if (path.size() == 1) {
      return tree.with(head, leaf);
    }
    BDictionary child =
        tree.get(head) instanceof BDictionary existing ? existing : BDictionary.empty();
    return tree.with(head, insert(child, path.subList(1, path.size()), leaf));
  }
}
