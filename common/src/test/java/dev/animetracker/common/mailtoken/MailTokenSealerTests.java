package dev.animetracker.common.mailtoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MailTokenSealerTests {

  private static final String KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
  private static final String OTHER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String TOKEN = "Yx4hZ0n5p9rQm1sT3uV5wX7yZ9aB1cD3eF5gH7iJ9kL";

  private final MailTokenSealer sealer = new MailTokenSealer(KEY);

  @Test
  void aSealedTokenOpensForItsPurposeAndUserOnlyAndHoldsNoPlaintext() {
    String sealed = sealer.seal(TOKEN, Purpose.PASSWORD_RESET, 42);

    assertThat(sealed).startsWith("v1.").doesNotContain(TOKEN);
    assertThat(sealer.open(sealed, Purpose.PASSWORD_RESET, 42)).isEqualTo(TOKEN);
    assertThat(sealer.seal(TOKEN, Purpose.PASSWORD_RESET, 42))
        .as("a fresh nonce every time")
        .isNotEqualTo(sealed);
    assertThatThrownBy(() -> sealer.open(sealed, Purpose.EMAIL_VERIFICATION, 42))
        .isInstanceOf(SealedTokenException.class);
    assertThatThrownBy(() -> sealer.open(sealed, Purpose.PASSWORD_RESET, 43))
        .isInstanceOf(SealedTokenException.class);
    assertThatThrownBy(
            () -> new MailTokenSealer(OTHER_KEY).open(sealed, Purpose.PASSWORD_RESET, 42))
        .isInstanceOf(SealedTokenException.class);
  }

  @Test
  void tamperedTruncatedAndForeignValuesAreRefused() {
    String sealed = sealer.seal(TOKEN, Purpose.EMAIL_VERIFICATION, 7);
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
    bytes[bytes.length / 2] ^= 1;
    String tampered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    for (String bad :
        new String[] {
          tampered, sealed.substring(0, 20), "v1.", "v1.!!!", TOKEN, "", "v2." + sealed
        }) {
      assertThatThrownBy(() -> sealer.open(bad, Purpose.EMAIL_VERIFICATION, 7))
          .as(bad)
          .isInstanceOf(SealedTokenException.class);
    }
    assertThatThrownBy(() -> sealer.open(null, Purpose.EMAIL_VERIFICATION, 7))
        .isInstanceOf(SealedTokenException.class);
  }

  @Property(tries = 200)
  void anyTokenSurvivesTheRoundTrip(@ForAll String token, @ForAll long userId) {
    assertThat(
            sealer.open(
                sealer.seal(token, Purpose.EMAIL_VERIFICATION, userId),
                Purpose.EMAIL_VERIFICATION,
                userId))
        .isEqualTo(token);
  }

  @Test
  void keysThatAreNotBase64Of32BytesAndTheDevelopmentKeyOutsideDevelopmentStopTheStart() {
    assertThatThrownBy(() -> new MailTokenSealer("c2hvcnQ="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new MailTokenSealer("not base64 at all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Base64");
    MailTokenProperties development = new MailTokenProperties(MailTokenProperties.DEVELOPMENT_KEY);
    assertThatThrownBy(() -> MailTokenSealer.of(development, new String[] {"prod"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MAIL_TOKEN_KEY");
    assertThat(MailTokenSealer.of(development, new String[] {"dev"})).isNotNull();
    assertThatThrownBy(
            () -> MailTokenSealer.of(new MailTokenProperties("c2hvcnQ="), new String[] {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
    String operatorKey =
        MailTokenSealer.of(new MailTokenProperties(KEY), new String[] {})
            .seal(TOKEN, Purpose.PASSWORD_RESET, 1);
    assertThat(operatorKey).startsWith("v1.");
  }
}
