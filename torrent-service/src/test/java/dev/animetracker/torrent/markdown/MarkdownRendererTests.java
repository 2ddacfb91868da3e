package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.mediaproxy.MediaProxySigner;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.testsupport.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class MarkdownRendererTests {

  private static final MediaProxySigner SIGNER =
      new MediaProxySigner("a-test-key-for-the-media-proxy-signatures");

  private final MarkdownRenderer renderer = new MarkdownRenderer(32, SIGNER);

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
        .contains("<img src=\"/media/image?u&#61;http%3A%2F%2Fimg%2Fx.png&amp;s&#61;")
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

  @Test
  void imagesPointAtTheSignedProxyAndNothingElseSurvivesAsASource() {
    String url = "https://i.example.org/cover 1.png?w=1&h=2";
    String html = renderer.render("![c](<" + url + ">) <img src=\"//evil.example/x.png\">");
    String expected = SIGNER.proxyPath("https://i.example.org/cover%201.png?w=1&h=2");
    // The sanitizer escapes '=' too; a browser reads the same address.
    assertThat(HtmlUtils.htmlUnescape(html))
        .contains("<img src=\"" + expected + "\"")
        .doesNotContain("src=\"https://")
        .doesNotContain("src=\"//evil");
    // The signature the gateway checks: only this URL, only under this key.
    String signature = expected.substring(expected.indexOf("&s=") + 3);
    assertThat(SIGNER.verify("https://i.example.org/cover%201.png?w=1&h=2", signature)).isTrue();
    assertThat(SIGNER.verify("https://i.example.org/other.png", signature)).isFalse();
    assertThat(
            new MediaProxySigner("another-key-for-the-media-proxy-signatures")
                .verify("https://i.example.org/cover%201.png?w=1&h=2", signature))
        .isFalse();
  }
}
