package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.mediaproxy.MediaProxySigner;
import dev.animetracker.testsupport.Allocations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text renders to sanitised HTML without an exception and with work bounded by its size (no
 * input blows up, as 1000 nested quotes or 20k {@code <} did). The bound is on bytes allocated, not
 * on wall-clock time, so a loaded machine cannot fail it. Inputs are built from the characters
 * Markdown gives meaning to, repeated into long runs, up to the 50k limit.
 */
class MarkdownFuzzTests {

  /**
   * Bytes allocated per input character. Measured worst (600 tries): ~5.5 kB per character, for
   * ~30k characters of nested block quotes and brackets, which commonmark's block parser walks once
   * per line before the depth cap can refuse the text; typical texts stay under 1 kB per character.
   */
  private static final long ALLOCATED_PER_CHAR = 8000;

  private static final long ALLOCATION_OVERHEAD = 1 << 20;

  private final MarkdownRenderer renderer =
      new MarkdownRenderer(32, new MediaProxySigner("a-test-key-for-the-media-proxy-signatures"));

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
  void anyTextRendersSafely(@ForAll("hostile") String text) {
    String html = renderer.render(text);
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:");
  }

  /**
   * What one render allocates, transient garbage included, is a bounded multiple of the text: no
   * input makes the parser or the sanitiser build a structure out of proportion to it.
   */
  @Property(tries = 100)
  void anyTextAllocatesABoundedMultipleOfItsSize(@ForAll("hostile") String text) {
    long allocated = Allocations.allocatedBy(() -> renderer.render(text));
    assertThat(allocated)
        .as("allocated rendering %d chars", text.length())
        .isLessThan(ALLOCATED_PER_CHAR * text.length() + ALLOCATION_OVERHEAD);
  }

  @Property(tries = 300)
  void anyPrintableTextRendersWithinTheAllocationBound(@ForAll String text) {
    long allocated = Allocations.allocatedBy(() -> renderer.render(text));
    assertThat(allocated)
        .as("allocated rendering %d chars", text.length())
        .isLessThan(ALLOCATED_PER_CHAR * text.length() + ALLOCATION_OVERHEAD);
  }
}
