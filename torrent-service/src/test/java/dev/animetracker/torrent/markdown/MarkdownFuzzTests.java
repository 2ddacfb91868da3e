package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text renders to sanitised HTML without an exception and within a time bound (generous: the
 * point is that no input blows up, as 1000 nested quotes or 20k {@code <} did). Inputs are built
 * from the characters Markdown gives meaning to, repeated into long runs, up to the 50k limit.
 */
class MarkdownFuzzTests {

  private static final Duration BOUND = Duration.ofMillis(750);

  private final MarkdownRenderer renderer = new MarkdownRenderer(32);

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> token =
        Arbitraries.of(
            ">",
            "> ",
            "- ",
            "* ",
            "1. ",
            "  ",
            "\n",
            "*",
            "**",
            "_",
            "~~",
            "`",
            "```",
            "[",
            "]",
            "(",
            ")",
            "![",
            "](",
            "<",
            ">",
            "<a",
            "<!--",
            "-->",
            "<?",
            "<![CDATA[",
            "\"",
            "'",
            "|",
            "|-",
            "#",
            "\\",
            "&",
            "&#",
            "http://x",
            "<http://",
            "a",
            " ",
            "    ",
            "\t");
    Arbitrary<String> run =
        Arbitraries.integers()
            .between(1, 5000)
            .flatMap(
                times ->
                    token
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(t -> String.join("", t).repeat(times)));
    return run.list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(parts -> String.join("", parts))
        .map(text -> text.length() > 50_000 ? text.substring(0, 50_000) : text);
  }

  @Property(tries = 150)
  void anyTextRendersSafelyAndQuickly(@ForAll("hostile") String text) {
    long start = System.nanoTime();
    String html = renderer.render(text);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("render of %d chars", text.length()).isLessThan(BOUND);
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:");
  }

  @Property(tries = 300)
  void anyPrintableTextRenders(@ForAll String text) {
    long start = System.nanoTime();
    renderer.render(text);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
  }
}
