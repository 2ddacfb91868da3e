package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.testsupport.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

  private final MarkdownRenderer renderer = new MarkdownRenderer(32);

  @Test
  void rendersCommonMarkAndGfm() {
    assertThat(renderer.render("# Title\n\n*a* **b** ~~c~~ `d`"))
        .isEqualTo(
            "<h1>Title</h1>\n<p><em>a</em> <strong>b</strong> <del>c</del> <code>d</code></p>");
    assertThat(renderer.render("| a |\n|---|\n| 1 |")).contains("<table>").contains("<td>1</td>");
    assertThat(renderer.render(null)).isEmpty();
    assertThat(renderer.render("  ")).isEmpty();
  }

  @Test
  void stripsEverythingDangerous() {
    String html =
        renderer.render(
            "<script>alert(1)</script><style>x</style><iframe src=\"https://e\"></iframe>"
                + "<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">j</a>"
                + "\n\n[v](vbscript:x) ![i](http://img/x.png) ![d](data:image/png;base64,AAAA)"
                + "\n\n<div onmouseover=\"x()\" style=\"color:red\">d</div>");
    assertThat(html)
        .doesNotContain(
            "<script", "alert(1)</script", "<style", "<iframe", "onerror", "javascript:")
        .doesNotContain("href=\"vbscript", "src=\"data:", "onmouseover", "style=")
        .contains("<img src=\"http://img/x.png\"")
        .contains("<a href=\"\" rel=");
  }

  @Test
  void linksGetNofollowNoopener() {
    assertThat(renderer.render("[x](https://example.org)"))
        .contains("href=\"https://example.org\"")
        .contains("nofollow")
        .contains("noopener");
  }

  @Test
  void deepNestingIsRefusedForWritesAndEscapedOtherwiseNeverAStackOverflow() {
    for (String deep :
        List.of(
            ">".repeat(5000) + " x",
            "- ".repeat(5000) + "x",
            "*a ".repeat(5000) + "b" + "*".repeat(5000),
            "![".repeat(5000) + "x" + "](u)".repeat(5000))) {
      assertThatThrownBy(() -> renderer.renderForWrite(deep, "description"))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.properties().toString()).contains("TooDeep"));
      assertThat(renderer.render(deep)).startsWith("<p>").doesNotContain("<blockquote>");
    }
    assertThat(renderer.renderForWrite("> > a\n\n- - b", "text")).contains("<blockquote>");
  }

  @Test
  void unclosedAngleBracketsStayLinear() {
    for (String text :
        List.of(
            "<".repeat(50_000),
            "<a".repeat(25_000),
            "<!--".repeat(12_500),
            "<?".repeat(25_000),
            "<a b=\"".repeat(8_000))) {
      long allocated = Allocations.allocatedBy(() -> renderer.render(text));
      // Linear: a bounded multiple of the text (a quadratic parse allocates gigabytes here).
      assertThat(allocated)
          .as("allocated for %d chars", text.length())
          .isLessThan(400L * text.length());
    }
    assertThat(renderer.render("<https://example.org/x>"))
        .contains("href=\"https://example.org/x\"");
  }

  @Test
  void longParagraphsOfLinesStartingWithPunctuationStayLinear() {
    // commonmark 0.27 copied the whole paragraph for every such line: 810 MB for 20k characters.
    // Linear means twice the text costs about twice the memory; a fixed per-character bound alone
    // was flaky (first renders also load classes), so the first render warms up and the growth is
    // what is held against quadratic (which would be 4x here).
    renderer.render("_\n'\n&'\n".repeat(100));
    for (String unit : List.of("_\n", "'\n", "&'\n")) {
      String half = unit.repeat(25_000 / unit.length());
      String text = unit.repeat(50_000 / unit.length());
      long halfAllocated = Allocations.allocatedBy(() -> renderer.render(half));
      long allocated = Allocations.allocatedBy(() -> renderer.render(text));
      assertThat((double) allocated / halfAllocated)
          .as("growth from %d to %d characters of %s", half.length(), text.length(), unit)
          .isLessThan(2.6);
      assertThat(allocated).as("allocated for %s", unit).isLessThan(1_000L * text.length());
    }
  }

  @Test
  void depthIsMeasuredWithoutRecursion() {
    org.commonmark.node.Node doc = org.commonmark.parser.Parser.builder().build().parse("> a\n\nb");
    assertThat(MarkdownRenderer.depth(doc)).isEqualTo(3);
  }
}
