package dev.animetracker.common.mediaproxy;

import dev.animetracker.common.security.DevelopmentProfiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks image-proxy addresses: {@code /media/image?u=<url>&s=<signature>}, the signature
 * Base64url (no padding) of HMAC-SHA256 over the URL's UTF-8 bytes. Thread-safe.
 */
public final class MediaProxySigner {

  /** The proxy's path on the gateway. */
  public static final String PATH = "/media/image";

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public MediaProxySigner(String key) {
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * The signer for these settings.
   *
   * @throws IllegalStateException if the key is the development default and neither the {@code dev}
   *     nor the {@code test} profile is active
   */
  public static MediaProxySigner of(MediaProxyProperties properties, String[] activeProfiles) {
    if (!DevelopmentProfiles.active(activeProfiles)
        && MediaProxyProperties.DEVELOPMENT_KEY.equals(properties.key().strip())) {
      throw new IllegalStateException(
          "Refusing to start: MEDIA_PROXY_KEY (animetracker.media-proxy.key) is the development"
              + " default, which is only accepted with the 'dev' or 'test' profile. Set it to the"
              + " same `openssl rand -base64 32` in torrent-service and the gateway.");
    }
    return new MediaProxySigner(properties.key());
  }

  /** The signature of an image URL. */
  public String sign(String url) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(url));
  }

  /** Whether {@code signature} is this key's for {@code url} (constant-time). */
  public boolean verify(String url, String signature) {
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(url), given);
  }

  /** The proxy address (relative, already encoded) that serves {@code url}. */
  public String proxyPath(String url) {
    return PATH + "?u=" + encode(url) + "&s=" + sign(url);
  }

  private static String encode(String value) {
    // %20, not +: the same bytes however a reader decodes the query.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private byte[] mac(String url) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(url.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
