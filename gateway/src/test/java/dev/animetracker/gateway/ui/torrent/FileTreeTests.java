package dev.animetracker.gateway.ui.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.ui.torrent.FileTree.Entry;
import dev.animetracker.gateway.ui.torrent.FileTree.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileTreeTests {

  @Test
  void singleFileTorrentIsOneFile() {
    List<Node> tree = FileTree.build(List.of(new Entry("movie.mkv", 700)));
    assertThat(tree).hasSize(1);
    assertThat(tree.getFirst().folder()).isFalse();
    assertThat(tree.getFirst().name()).isEqualTo("movie.mkv");
    assertThat(tree.getFirst().size()).isEqualTo(700);
  }

  @Test
  void foldersAreBuiltFromPathsWithTotalsFoldersFirst() {
    List<Node> tree =
        FileTree.build(
            List.of(
                new Entry("Show/Season 1/E02.mkv", 200),
                new Entry("Show/Season 1/E01.mkv", 100),
                new Entry("Show/Extras/NCOP.mkv", 50),
                new Entry("Show/readme.txt", 1)));

    assertThat(tree).hasSize(1);
    Node show = tree.getFirst();
    assertThat(show.folder()).isTrue();
    assertThat(show.name()).isEqualTo("Show");
    assertThat(show.size()).isEqualTo(351);
    assertThat(show.fileCount()).isEqualTo(4);
    assertThat(show.children())
        .extracting(Node::name)
        .containsExactly("Extras", "Season 1", "readme.txt");

    Node season = show.children().get(1);
    assertThat(season.path()).isEqualTo("Show/Season 1");
    assertThat(season.size()).isEqualTo(300);
    assertThat(season.fileCount()).isEqualTo(2);
    assertThat(season.children()).extracting(Node::name).containsExactly("E01.mkv", "E02.mkv");
    assertThat(season.children().getFirst().path()).isEqualTo("Show/Season 1/E01.mkv");
  }

  @Test
  void mixedTopLevelAndOddSlashes() {
    List<Node> tree =
        FileTree.build(
            List.of(new Entry("b.txt", 2), new Entry("/dir//a.txt", 3), new Entry("A.txt", 1)));
    assertThat(tree).extracting(Node::name).containsExactly("dir", "A.txt", "b.txt");
    assertThat(tree.getFirst().children()).extracting(Node::name).containsExactly("a.txt");
    assertThat(tree.getFirst().size()).isEqualTo(3);
  }

  @Test
  void emptyListIsAnEmptyTree() {
    assertThat(FileTree.build(List.of())).isEmpty();
  }
}
