package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedFormatTests {

  @Test
  void sizesAreFormattedLikeNyaa() {
    assertThat(FeedFormat.binarySize(0)).isEqualTo("0 Bytes");
    assertThat(FeedFormat.binarySize(1)).isEqualTo("1 Byte");
    assertThat(FeedFormat.binarySize(1023)).isEqualTo("1023 Bytes");
    assertThat(FeedFormat.binarySize(1024)).isEqualTo("1.0 KiB");
    assertThat(FeedFormat.binarySize(1536)).isEqualTo("1.5 KiB");
    assertThat(FeedFormat.binarySize(367_001_600)).isEqualTo("350.0 MiB");
    assertThat(FeedFormat.binarySize(1_288_490_189L)).isEqualTo("1.2 GiB");
    assertThat(FeedFormat.binarySize(5L * 1024 * 1024 * 1024 * 1024)).isEqualTo("5.0 TiB");
    assertThat(FeedFormat.binarySize(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
  }

  @Test
  void datesAreRfc822WithTwoDigitDaysInUtc() {
    assertThat(FeedFormat.rfc822(Instant.parse("2026-01-05T23:59:07.123Z")))
        .isEqualTo("Mon, 05 Jan 2026 23:59:07 +0000");
  }

  @Test
  void htmlEscapesMarkupAndQuotes() {
    assertThat(FeedFormat.html("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void cleanDropsOnlyWhatXmlForbids() {
    assertThat(XmlOut.clean("a\u0000b\u001fc\td\ne\rf\uFFFEg\uFFFFh")).isEqualTo("abc\td\ne\rfgh");
    assertThat(XmlOut.clean("x\uD800y\uDC00z")).isEqualTo("xyz");
    assertThat(XmlOut.clean("ok \uD83C\uDF38 Аниме")).isEqualTo("ok \uD83C\uDF38 Аниме");
  }
}
