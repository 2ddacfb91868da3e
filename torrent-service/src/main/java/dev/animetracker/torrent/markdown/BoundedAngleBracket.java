package dev.animetracker.torrent.markdown;

import java.util.Set;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Runs before commonmark's own {@code <} parsers (autolink, inline HTML). Those scan for their
 * terminator up to the end of the paragraph from every {@code <}, so 20k {@code <} without a {@code
 * >} cost 20k full scans (quadratic: ~1 s for 50 kB). Here a {@code <} whose terminator is not
 * within {@link #LOOKAHEAD} characters is plain text, which bounds every scan; otherwise the
 * built-in parsers take over and stop at that terminator.
 */
final class BoundedAngleBracket implements InlineContentParserFactory {

  /** Longest autolink or inline HTML tag we render as such. */
  static final int LOOKAHEAD = 1024;

  @Override
  public Set<Character> getTriggerCharacters() {
    return Set.of('<');
  }

  @Override
  public InlineContentParser create() {
    return BoundedAngleBracket::tryParse;
  }

  private static ParsedInline tryParse(InlineParserState state) {
    Scanner scanner = state.scanner();
    Position start = scanner.position();
    String terminator = terminator(scanner);
    scanner.setPosition(start);
    boolean terminated = terminatedWithin(scanner, terminator);
    scanner.setPosition(start);
    if (terminated) {
      return ParsedInline.none();
    }
    scanner.next();
    return ParsedInline.of(new Text("<"), scanner.position());
  }

  /** What closes the construct starting at the scanner's {@code <}. */
  private static String terminator(Scanner scanner) {
    if (scanner.next("<!--")) {
      return "-->";
    }
    if (scanner.next("<?")) {
      return "?>";
    }
    if (scanner.next("<![CDATA[")) {
      return "]]>";
    }
    return ">";
  }

  /**
   * Whether {@code terminator} ends within {@link #LOOKAHEAD} characters after the {@code <} (not
   * overlapping it), read character by character without copying: every {@code <} of a flood costs
   * at most {@code LOOKAHEAD} steps and no allocation.
   */
  private static boolean terminatedWithin(Scanner scanner, String terminator) {
    int length = terminator.length();
    char last = terminator.charAt(length - 1);
    // The last three characters read (terminators are at most three long), newest in c0.
    char c0 = 0;
    char c1 = 0;
    char c2 = 0;
    scanner.next();
    for (int read = 1; read <= LOOKAHEAD && scanner.hasNext(); read++) {
      c2 = c1;
      c1 = c0;
      c0 = scanner.peek();
      scanner.next();
      if (c0 == last
          && read >= length
          && (length < 2 || c1 == terminator.charAt(length - 2))
          && (length < 3 || c2 == terminator.charAt(length - 3))) {
        return true;
      }
    }
    return false;
  }
}
