package dev.animetracker.common.mailtoken;

import dev.animetracker.common.security.DevelopmentProfiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals the one-time tokens that travel to the mailer (e-mail verification, password reset), so
 * that neither user-service's outbox, nor Kafka, nor a dump of either holds a usable link: AES-256-
 * GCM with a random 96-bit nonce, the purpose and the user id bound in as associated data (a sealed
 * token cannot be replayed into another kind of mail or another user's). Format: {@code v1.} +
 * Base64url(nonce ‖ ciphertext ‖ tag). Thread-safe.
 */
public final class MailTokenSealer {

  /** What a token is for; part of the associated data. */
  public enum Purpose {
    EMAIL_VERIFICATION,
    PASSWORD_RESET,
    /** The watches a mail's one-click unsubscribe link turns off (sealed by the mailer). */
    UNSUBSCRIBE
  }

  private static final String VERSION = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param base64Key Base64 of exactly 32 bytes
   * @throws IllegalArgumentException if it is not
   */
  public MailTokenSealer(String base64Key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "MAIL_TOKEN_KEY (animetracker.mail-token.key) is not Base64; generate one with"
              + " `openssl rand -base64 32`",
          e);
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "MAIL_TOKEN_KEY (animetracker.mail-token.key) must be 32 bytes (Base64 of them), not "
              + bytes.length
              + "; generate one with `openssl rand -base64 32`");
    }
    this.key = new SecretKeySpec(bytes, "AES");
    Arrays.fill(bytes, (byte) 0);
  }

  /**
   * The sealer for these settings.
   *
   * @throws IllegalStateException if the key is the development default and neither the {@code dev}
   *     nor the {@code test} profile is active, or the key is malformed
   */
  public static MailTokenSealer of(MailTokenProperties properties, String[] activeProfiles) {
    if (!DevelopmentProfiles.active(activeProfiles)
        && MailTokenProperties.DEVELOPMENT_KEY.equals(properties.key().strip())) {
      throw new IllegalStateException(
          "Refusing to start: MAIL_TOKEN_KEY (animetracker.mail-token.key) is the development"
              + " default, which is only accepted with the 'dev' or 'test' profile. Set it to the"
              + " same `openssl rand -base64 32` in user-service and notification-service.");
    }
    try {
      return new MailTokenSealer(properties.key());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Refusing to start: " + e.getMessage(), e);
    }
  }

  /** The token sealed for this purpose and user. */
  public String seal(String token, Purpose purpose, long userId) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(purpose, userId));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JVM", e);
    }
  }

  /**
   * The token inside.
   *
   * @throws SealedTokenException if it was not sealed by this key for this purpose and user
   */
  public String open(@Nullable String sealed, Purpose purpose, long userId) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new SealedTokenException("Not a sealed mail token", null);
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw new SealedTokenException("A sealed mail token that is not Base64url", e);
    }
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SealedTokenException("A sealed mail token too short to hold one", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(purpose, userId));
      byte[] token = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(token, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealedTokenException(
          "A sealed mail token that does not open (another key, purpose or user, or tampered)", e);
    } catch (GeneralSecurityException e) {
      throw new SealedTokenException("A sealed mail token that does not open", e);
    }
  }

  private static byte[] associatedData(Purpose purpose, long userId) {
    return ("animetracker-mail-token|" + purpose.name() + "|" + userId)
        .getBytes(StandardCharsets.UTF_8);
  }
}
