package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

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
}
