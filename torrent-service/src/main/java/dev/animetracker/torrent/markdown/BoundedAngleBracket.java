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
    StringBuilder window = new StringBuilder();
    for (int i = 0; i <= LOOKAHEAD && scanner.hasNext(); i++) {
      window.append(scanner.peek());
      scanner.next();
    }
    scanner.setPosition(start);
    if (window.indexOf(terminator(window), 1) >= 0) {
      return ParsedInline.none();
    }
    scanner.next();
    return ParsedInline.of(new Text("<"), scanner.position());
  }

  private static String terminator(CharSequence window) {
    String head = window.subSequence(0, Math.min(window.length(), 9)).toString();
    if (head.startsWith("<!--")) {
      return "-->";
    }
    if (head.startsWith("<?")) {
      return "?>";
    }
    if (head.startsWith("<![CDATA[")) {
      return "]]>";
    }
    return ">";
  }
}
