package dev.animetracker.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.testsupport.TestJwks;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The services' token check against test-support's {@link TestJwks}: what the helper calls valid
 * passes, its expired, wrong-issuer and forged tokens are refused, as user-service's would be.
 */
class ResourceServerTests {

  private static final TestJwks JWKS = new TestJwks("animetracker-test");
  private static final List<String> USER = List.of("USER");

  private final JwtDecoder decoder = ResourceServer.jwksDecoder(JWKS.jwksUri(), JWKS.issuer());

  @AfterAll
  static void stop() {
    JWKS.close();
  }

  @Test
  void aValidTokenCarriesTheUserAndRoles() {
    Jwt jwt = decoder.decode(JWKS.token(42, "mika", true));

    assertThat(jwt.getSubject()).isEqualTo("42");
    assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("mika");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "MODERATOR");
    assertThat(decoder.decode(JWKS.token(7, "rei", USER)).getSubject()).isEqualTo("7");
  }

  @Test
  void expiredWrongIssuerAndForgedTokensAreRefused() {
    assertThatThrownBy(() -> decoder.decode(JWKS.expiredToken(42, "mika", USER)))
        .isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> decoder.decode(JWKS.wrongIssuerToken(42, "mika", USER)))
        .isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> decoder.decode(JWKS.forgedToken(42, "mika", USER)))
        .isInstanceOf(JwtException.class);
  }

  @Test
  void theServedKeySetIsThePublicHalfOnly() {
    assertThat(JWKS.jwks()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
  }
}
