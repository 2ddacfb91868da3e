package dev.animetracker.gateway.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every UI string exists in Russian and in English. */
class MessagesTests {

  @Test
  void russianAndEnglishHaveTheSameKeys() throws IOException {
    Properties russian = load("/messages.properties");
    Properties english = load("/messages_en.properties");
    assertThat(english.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(russian.stringPropertyNames());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
