package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The mail kinds are the templates in {@code mail/templates}: every kind needs both parts and a
 * subject in every language, so adding a kind cannot half-work.
 */
class MailKindsTests {

  @Test
  void everyKindHasBothPartsAndASubjectInEveryLanguage() throws IOException {
    List<String> kinds = kinds("txt");

    assertThat(kinds)
        .contains(
            "account-verification", "password-reset", "password-changed", "comment-notification");
    assertThat(kinds("html")).containsAll(kinds);
    for (String bundle : List.of("mail_messages", "mail_messages_en")) {
      Properties messages = new Properties();
      try (InputStreamReader reader =
          new InputStreamReader(
              new ClassPathResource("mail/" + bundle + ".properties").getInputStream(),
              StandardCharsets.UTF_8)) {
        messages.load(reader);
      }
      for (String kind : kinds) {
        assertThat(messages.getProperty(kind + ".subject")).as(bundle + " " + kind).isNotBlank();
      }
    }
  }

  private static List<String> kinds(String extension) throws IOException {
    Resource[] resources =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:mail/templates/*." + extension);
    return Arrays.stream(resources)
        .map(Resource::getFilename)
        .flatMap(name -> name == null ? Stream.empty() : Stream.of(name))
        .map(name -> name.substring(0, name.length() - extension.length() - 1))
        .filter(kind -> !kind.equals("layout"))
        .toList();
  }
}
