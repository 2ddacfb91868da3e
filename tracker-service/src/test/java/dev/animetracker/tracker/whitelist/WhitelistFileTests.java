package dev.animetracker.tracker.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.tracker.config.TrackerProperties;
import dev.animetracker.tracker.protocol.InfoHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class WhitelistFileTests {

  private static final String V1 = "0123456789abcdef0123456789abcdef01234567";
  private static final String V2 =
      "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
  private static final InfoHash OTHER =
      InfoHash.fromHex("1111111111111111111111111111111111111111");

  @TempDir Path dir;

  private final KafkaWhitelist whitelist = new KafkaWhitelist();

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(WhitelistFileConfiguration.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(TrackerProperties.class)
  @Import(WhitelistFile.class)
  static class WhitelistFileConfiguration {

    @Bean
    KafkaWhitelist kafkaWhitelist() {
      return new KafkaWhitelist();
    }
  }

  @Test
  void theApplicationSeedsTheFileNamedByItsProperty() throws IOException {
    Path file = write(V1 + "\n");

    context
        .withPropertyValues("animetracker.tracker.whitelist-file=" + file)
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              InfoHash v1 = InfoHash.fromHex(V1);
              assertThat(started.getBean(KafkaWhitelist.class).swarmOf(v1)).isEqualTo(v1);
            });
  }

  @Test
  void withoutThePropertyTheWhitelistStartsEmpty() {
    context.run(
        started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBean(KafkaWhitelist.class).size()).isZero();
        });
  }

  @Test
  void aBadLineStopsTheStartUp() throws IOException {
    Path file = write(V1 + "\n", "not-a-hash\n");

    context
        .withPropertyValues("animetracker.tracker.whitelist-file=" + file)
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .hasStackTraceContaining(file.toAbsolutePath() + " line 2")
                    .hasStackTraceContaining("not-a-hash"));
  }

  @Test
  void servesEveryListedHashSkippingCommentsAndBlankLines() throws IOException {
    Path file =
        write(
            "# bench hashes\r\n",
            "\n",
            "  " + V1.toUpperCase() + "  # upper case, padded\n",
            V2 + "\n",
            "   \t\n",
            V1 + "\n");

    assertThat(WhitelistFile.seed(whitelist, file.toString())).isEqualTo(2);

    InfoHash v1 = InfoHash.fromHex(V1);
    InfoHash truncatedV2 = InfoHash.fromHex(V2.substring(0, 40));
    assertThat(whitelist.swarmOf(v1)).isEqualTo(v1);
    assertThat(whitelist.swarmOf(truncatedV2)).isEqualTo(truncatedV2);
    assertThat(whitelist.swarmOf(OTHER)).isNull();
    assertThat(whitelist.size()).isEqualTo(2);
  }

  @Test
  void readKeepsFileOrder() throws IOException {
    Path file = write(V2 + "\n", V1 + "\n");

    assertThat(WhitelistFile.read(file))
        .containsExactly(InfoHash.fromHex(V2.substring(0, 40)), InfoHash.fromHex(V1));
  }

  @Test
  void emptySettingLoadsNothing() {
    assertThat(WhitelistFile.seed(whitelist, " ")).isZero();

    assertThat(whitelist.size()).isZero();
  }

  @Test
  void aLaterDeletionEventStillWins() throws IOException {
    Path file = write(V1 + "\n");
    WhitelistFile.seed(whitelist, file.toString());

    whitelist.delete(InfoHash.fromHex(V1), null, 1);

    assertThat(whitelist.swarmOf(InfoHash.fromHex(V1))).isNull();
  }

  @Test
  void wrongLengthNamesTheLine() throws IOException {
    Path file = write("# header\n", V1 + "\n", V1.substring(1) + "\n");

    assertThatThrownBy(() -> WhitelistFile.seed(whitelist, file.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toAbsolutePath() + " line 3")
        .hasMessageContaining(V1.substring(1));
    assertThat(whitelist.size()).isZero();
  }

  @Test
  void nonHexDigitNamesTheLine() throws IOException {
    Path file = write(V1 + "\n", "g" + V1.substring(1) + "\n");

    assertThatThrownBy(() -> WhitelistFile.read(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(" line 2: expected an info hash of 40 (v1) or 64 (v2) hex digits");
  }

  @Test
  void twoHashesOnOneLineAreRefused() throws IOException {
    Path file = write(V1 + " " + V1 + "\n");

    assertThatThrownBy(() -> WhitelistFile.read(file)).hasMessageContaining(" line 1: ");
  }

  @Test
  void missingFileFailsNamingIt() {
    Path missing = dir.resolve("nope.txt");

    assertThatThrownBy(() -> WhitelistFile.seed(whitelist, missing.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot read the whitelist file " + missing.toAbsolutePath());
  }

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("whitelist.txt");
    Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8);
    return file;
  }
}
