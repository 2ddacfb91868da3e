package dev.animetracker.user.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokensTests {

  @Test
  void hashesWithSha256AsLowerCaseHex() {
    assertThat(SecureTokens.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(SecureTokens.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void hashIsDeterministicAndNeverTheToken() {
    String token = SecureTokens.newToken();
    assertThat(SecureTokens.sha256(token))
        .isEqualTo(SecureTokens.sha256(token))
        .isNotEqualTo(token);
    assertThat(SecureTokens.sha256(token)).isNotEqualTo(SecureTokens.sha256(token + "x"));
  }

  @Test
  void tokensAre32RandomBytesInBase64Url() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = SecureTokens.newToken();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      seen.add(token);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void apiKeysAre64HexCharacters() {
    String key = SecureTokens.newHexKey();
    assertThat(key).matches("[0-9a-f]{64}");
    assertThat(SecureTokens.newHexKey()).isNotEqualTo(key);
  }
}
