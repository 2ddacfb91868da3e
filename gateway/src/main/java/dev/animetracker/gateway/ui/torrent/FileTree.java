package dev.animetracker.gateway.ui.torrent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A torrent's files as a tree of folders, built from the {@code /}-joined paths. */
public final class FileTree {

  private FileTree() {}

  /** A file path and its size, as torrent-service lists them. */
  public record Entry(String path, long size) {}

  /**
   * A folder or a file. Folders carry the total size and number of the files below them.
   *
   * @param path the full path (unique, usable as an element id)
   */
  public record Node(
      String name, String path, boolean folder, long size, int fileCount, List<Node> children) {}

  /** The top-level nodes: folders first, then files, each by name. */
  public static List<Node> build(List<Entry> files) {
    Folder root = new Folder("", "");
    for (Entry file : files) {
      String[] parts =
          file.path() == null
              ? new String[] {""}
              : file.path().replace('\\', '/').replaceAll("^/+|/+$", "").split("/+");
      Folder folder = root;
      for (int i = 0; i < parts.length - 1; i++) {
        folder = folder.folder(parts[i]);
      }
      folder.files.add(
          new Node(
              parts[parts.length - 1],
              folder.path.isEmpty()
                  ? parts[parts.length - 1]
                  : folder.path + "/" + parts[parts.length - 1],
              false,
              file.size(),
              1,
              List.of()));
    }
    return root.freeze().children();
  }

  private static final class Folder {

    private final String name;

    private final String path;

    private final Map<String, Folder> folders = new LinkedHashMap<>();

    private final List<Node> files = new ArrayList<>();

    Folder(String name, String path) {
      this.name = name;
      this.path = path;
    }

    Folder folder(String child) {
      return folders.computeIfAbsent(
          child, n -> new Folder(n, path.isEmpty() ? n : path + "/" + n));
    }

    Node freeze() {
      List<Node> children = new ArrayList<>();
      folders.values().stream()
          .map(Folder::freeze)
          .sorted(Comparator.comparing(Node::name, String.CASE_INSENSITIVE_ORDER))
          .forEach(children::add);
      files.stream()
          .sorted(Comparator.comparing(Node::name, String.CASE_INSENSITIVE_ORDER))
          .forEach(children::add);
      long size = children.stream().mapToLong(Node::size).sum();
      int count = children.stream().mapToInt(Node::fileCount).sum();
      return new Node(name, path, true, size, count, List.copyOf(children));
    }
  }
}
