package dev.animetracker.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.animetracker.user.ApiTestSupport;
import dev.animetracker.user.token.SecureTokens;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;

class AuthIT extends ApiTestSupport {

  @Autowired JwtEncoder ourEncoder;
  @Autowired SigningKeys signingKeys;

  @Test
  void logsInByUsernameOrEmailIgnoringCase() {
    TestUser user = registerVerified("Login");

    JsonNode byName = tokens(user.username().toLowerCase(), user.password());
    assertThat(byName.get("tokenType").asString()).isEqualTo("Bearer");
    assertThat(byName.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(byName.get("accessToken").asString()).isNotBlank();
    assertThat(byName.get("refreshToken").asString()).matches("[0-9]+\\.[A-Za-z0-9_-]{43}");

    JsonNode byEmail = tokens(user.email().toUpperCase(), user.password());
    assertThat(byEmail.get("refreshToken").asString())
        .isNotEqualTo(byName.get("refreshToken").asString());
  }

  @Test
  void wrongPasswordAndUnknownUserLookTheSame() {
    TestUser user = registerVerified("Wrong");
    Response wrong =
        login(user.username(), "not-the-password").assertProblem(401, "bad-credentials");
    Response unknown =
        login("nobody_" + UUID.randomUUID().toString().substring(0, 8), "whatever-password")
            .assertProblem(401, "bad-credentials");
    assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
  }

  @Test
  void meDescribesTheCaller() {
    TestUser user = registerVerified("Me");
    Response me = get("/api/users/me", accessToken(user.username(), user.password()));

    assertThat(me.status()).as(me.body()).isEqualTo(200);
    JsonNode body = me.json();
    assertThat(body.get("id").asLong()).isEqualTo(user.id());
    assertThat(body.get("username").asString()).isEqualTo(user.username());
    assertThat(body.get("email").asString()).isEqualTo(user.email());
    assertThat(body.get("active").asBoolean()).isTrue();
    assertThat(body.get("moderator").asBoolean()).isFalse();
    assertThat(body.get("uploadCount").asLong()).isZero();
    assertThat(body.get("downloadCount").asLong()).isZero();
    assertThat(body.get("locale").asString()).isEqualTo("ru");
    assertThat(Instant.parse(body.get("createdAt").asString())).isBefore(Instant.now());
  }

  @Test
  void meNeedsAToken() {
    Response response = get("/api/users/me", null).assertProblem(401, "unauthorized");
    assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(h -> h.startsWith("Bearer"));
  }

  @Test
  void refreshRotatesAndReuseRevokesTheWholeFamily() {
    TestUser user = registerVerified("Rot");
    String first = tokens(user.username(), user.password()).get("refreshToken").asString();

    Response rotated = post("/api/auth/refresh", Map.of("refreshToken", first));
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String second = rotated.text("refreshToken");
    assertThat(second).isNotEqualTo(first);
    assertThat(get("/api/users/me", rotated.text("accessToken")).status()).isEqualTo(200);

    Response third = post("/api/auth/refresh", Map.of("refreshToken", second));
    assertThat(third.status()).isEqualTo(200);
    String current = third.text("refreshToken");

    // A stolen, already used token comes back: the whole family dies, the newest token too.
    post("/api/auth/refresh", Map.of("refreshToken", first))
        .assertProblem(401, "refresh-token-reused");
    post("/api/auth/refresh", Map.of("refreshToken", current))
        .assertProblem(401, "invalid-refresh-token");
  }

  @Test
  void reuseRevokesOnlyThatLogin() {
    TestUser user = registerVerified("Fam");
    String phone = tokens(user.username(), user.password()).get("refreshToken").asString();
    String laptop = tokens(user.username(), user.password()).get("refreshToken").asString();

    assertThat(post("/api/auth/refresh", Map.of("refreshToken", phone)).status()).isEqualTo(200);
    post("/api/auth/refresh", Map.of("refreshToken", phone))
        .assertProblem(401, "refresh-token-reused");
    assertThat(post("/api/auth/refresh", Map.of("refreshToken", laptop)).status()).isEqualTo(200);
  }

  @Test
  void concurrentRefreshesOfOneTokenCannotBothSucceed() {
    TestUser user = registerVerified("Conc");
    String token = tokens(user.username(), user.password()).get("refreshToken").asString();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Response>> attempts =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> post("/api/auth/refresh", Map.of("refreshToken", token)), pool))
              .toList();
      List<Response> responses = attempts.stream().map(CompletableFuture::join).toList();
      // One may win; the others present an already rotated token, which is reuse: the family
      // (including the winner's new token) is revoked. Never two sessions from one token.
      assertThat(responses).filteredOn(r -> r.status() == 200).hasSizeLessThanOrEqualTo(1);
      assertThat(responses)
          .filteredOn(r -> r.status() != 200)
          .hasSizeGreaterThanOrEqualTo(7)
          .allSatisfy(
              r ->
                  assertThat(r.text("code")).isIn("refresh-token-reused", "invalid-refresh-token"));
      assertThat(responses).extracting(Response::status).isSubsetOf(200, 401);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unknownRefreshTokenIsRefused() {
    post("/api/auth/refresh", Map.of("refreshToken", SecureTokens.newToken()))
        .assertProblem(401, "invalid-refresh-token");
  }

  @Test
  void logoutRevokesTheSessionAndIsIdempotent() {
    TestUser user = registerVerified("Out");
    String refresh = tokens(user.username(), user.password()).get("refreshToken").asString();

    assertThat(post("/api/auth/logout", Map.of("refreshToken", refresh)).status()).isEqualTo(204);
    post("/api/auth/refresh", Map.of("refreshToken", refresh))
        .assertProblem(401, "invalid-refresh-token");
    assertThat(post("/api/auth/logout", Map.of("refreshToken", refresh)).status()).isEqualTo(204);
    assertThat(post("/api/auth/logout", Map.of("refreshToken", "unknown")).status()).isEqualTo(204);
  }

  @Test
  void accessTokensVerifyAgainstThePublishedJwks() throws Exception {
    TestUser user = registerVerified("Jwks");
    String accessToken = accessToken(user.username(), user.password());

    Response jwks = get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).isEqualTo(200);
    JWKSet set = JWKSet.parse(jwks.body());
    assertThat(set.getKeys()).isNotEmpty();
    RSAKey key = (RSAKey) set.getKeys().getFirst();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwks.body()).doesNotContain("\"d\"");

    Jwt jwt = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build().decode(accessToken);
    assertThat(jwt.getHeaders()).containsEntry("kid", key.getKeyID()).containsEntry("alg", "RS256");
    assertThat(jwt.getSubject()).isEqualTo(String.valueOf(user.id()));
    assertThat(jwt.getClaimAsString("iss")).isEqualTo("animetracker");
    assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo(user.username());
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
    assertThat(jwt.getId()).isNotBlank();
    assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(900));
  }

  @Test
  void expiredForgedAndForeignTokensAreRefused() throws Exception {
    TestUser user = registerVerified("Forge");

    String expired =
        sign(
            ourEncoder,
            signingKeys.current().getKeyID(),
            claims(user, "animetracker", Instant.now().minusSeconds(3600)));
    get("/api/users/me", expired).assertProblem(401, "invalid-access-token");

    String foreignIssuer =
        sign(
            ourEncoder,
            signingKeys.current().getKeyID(),
            claims(user, "someone-else", Instant.now().plusSeconds(600)));
    get("/api/users/me", foreignIssuer).assertProblem(401, "invalid-access-token");

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair attacker = generator.generateKeyPair();
    // Same kid as ours, but a key the service never saw.
    JwtEncoder attackerEncoder =
        new NimbusJwtEncoder(
            new ImmutableJWKSet<>(
                new JWKSet(
                    new RSAKey.Builder((RSAPublicKey) attacker.getPublic())
                        .privateKey((RSAPrivateKey) attacker.getPrivate())
                        .keyID(signingKeys.current().getKeyID())
                        .build())));
    String forged =
        sign(
            attackerEncoder,
            signingKeys.current().getKeyID(),
            claims(user, "animetracker", Instant.now().plusSeconds(600)));
    get("/api/users/me", forged).assertProblem(401, "invalid-access-token");

    get("/api/users/me", "not.a.jwt").assertProblem(401, "invalid-access-token");

    String valid =
        sign(
            ourEncoder,
            signingKeys.current().getKeyID(),
            claims(user, "animetracker", Instant.now().plusSeconds(600)));
    assertThat(get("/api/users/me", valid).status()).isEqualTo(200);
  }

  private static JwtClaimsSet claims(TestUser user, String issuer, Instant expiresAt) {
    return JwtClaimsSet.builder()
        .issuer(issuer)
        .subject(String.valueOf(user.id()))
        .claim("preferred_username", user.username())
        .claim("roles", List.of("USER"))
        .id(UUID.randomUUID().toString())
        .issuedAt(expiresAt.minusSeconds(900))
        .expiresAt(expiresAt)
        .build();
  }

  private static String sign(JwtEncoder encoder, String kid, JwtClaimsSet claims) {
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }
}
