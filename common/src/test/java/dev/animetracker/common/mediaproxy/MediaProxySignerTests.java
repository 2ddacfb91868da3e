package dev.animetracker.common.mediaproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaProxySignerTests {

  private static final MediaProxyProperties DEV =
      new MediaProxyProperties(MediaProxyProperties.DEVELOPMENT_KEY);

  @Test
  void developmentKeyIsRefusedOutsideDevAndTest() {
    assertThatThrownBy(() -> MediaProxySigner.of(DEV, new String[] {"prod"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MEDIA_PROXY_KEY");
    assertThatThrownBy(() -> MediaProxySigner.of(DEV, new String[0]))
        .isInstanceOf(IllegalStateException.class);
    assertThat(MediaProxySigner.of(DEV, new String[] {"test"})).isNotNull();
    assertThat(
            MediaProxySigner.of(
                new MediaProxyProperties("a-real-production-key-of-enough-length"),
                new String[] {"prod"}))
        .isNotNull();
  }

  @Test
  void signaturesBindTheUrlAndTheKeyAndRejectGarbage() {
    MediaProxySigner signer = new MediaProxySigner("a-real-production-key-of-enough-length");
    String url = "https://img.example/a b.png?x=1&y=2";
    String signature = signer.sign(url);
    assertThat(signer.verify(url, signature)).isTrue();
    assertThat(signer.verify(url + "#", signature)).isFalse();
    assertThat(signer.verify(url, signature.substring(1))).isFalse();
    assertThat(signer.verify(url, "%%%not base64")).isFalse();
    assertThat(signer.verify(url, "")).isFalse();
    assertThat(
            new MediaProxySigner("another-production-key-of-enough-length").verify(url, signature))
        .isFalse();
    assertThat(signer.proxyPath(url))
        .isEqualTo(
            "/media/image?u=https%3A%2F%2Fimg.example%2Fa%20b.png%3Fx%3D1%26y%3D2&s=" + signature);
  }
}
