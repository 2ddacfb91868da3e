package dev.animetracker.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens shaped like user-service's (RS256; {@code sub}, {@code preferred_username}, {@code
 * roles}), signed with a test key whose public half is served as a JWKS on a local port: what a
 * service under test needs to check tokens exactly as in production.
 */
public final class TestJwks implements AutoCloseable {

  private final RSAKey key;
  private final String issuer;
  private final HttpServer server;

  /** Generates a key and serves its JWKS at {@link #jwksUri()}. */
  public TestJwks(String issuer) {
    this.issuer = issuer;
    try {
      this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(jwks);
            }
          });
      server.start();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
  }

  /** A token valid for 15 minutes. */
  public String token(long userId, String username, List<String> roles) {
    return token(userId, username, roles, issuer, Instant.now(), Duration.ofMinutes(15));
  }

  /**
   * A 5-minute service token as user-service's {@code /oauth2/token} issues it: audience {@code
   * animetracker-internal}, scope {@code internal}, subject {@code service:<clientId>}.
   */
  public String serviceToken(String clientId) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("service:" + clientId)
            .audience("animetracker-internal")
            .claim("scope", "internal")
            .claim("client_id", clientId)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .build();
    return sign(key, claims);
  }

  /** The public key set as JSON, for tests that serve it from a stub of their own. */
  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** The issuer this helper signs for. */
  public String issuer() {
    return issuer;
  }

  /**
   * A 15-minute token carrying the session version claim {@code ver} (see common {@code
   * SessionState}), issued {@code issuedAt}.
   */
  public String versionedToken(
      long userId, String username, List<String> roles, long version, Instant issuedAt) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(
                claims(userId, username, roles, issuer, issuedAt, Duration.ofMinutes(15)))
            .claim("ver", version)
            .build();
    return sign(key, claims);
  }

  /** A token with the role {@code USER}, or {@code USER} and {@code MODERATOR}. */
  public String token(long userId, String username, boolean moderator) {
    return token(userId, username, moderator ? List.of("USER", "MODERATOR") : List.of("USER"));
  }

  /**
   * A token with every claim chosen: for tokens issued earlier, by someone else, or living longer.
   *
   * @param issuedAt {@code iat}; {@code exp} is {@code issuedAt + lifetime}
   */
  public String token(
      long userId,
      String username,
      List<String> roles,
      String issuer,
      Instant issuedAt,
      Duration lifetime) {
    return sign(key, claims(userId, username, roles, issuer, issuedAt, lifetime));
  }

  /** A 15-minute token of the given issuer that expires at {@code expiresAt}. */
  public String token(
      long userId, String username, List<String> roles, String issuer, Instant expiresAt) {
    return token(
        userId,
        username,
        roles,
        issuer,
        expiresAt.minus(Duration.ofMinutes(15)),
        Duration.ofMinutes(15));
  }

  /** The {@code kid} of the signing key, as the JWKS names it. */
  public String keyId() {
    return key.getKeyID();
  }

  /** A token that expired ten minutes ago (issued 25 minutes ago, valid 15). */
  public String expiredToken(long userId, String username, List<String> roles) {
    return token(
        userId,
        username,
        roles,
        issuer,
        Instant.now().minus(Duration.ofMinutes(25)),
        Duration.ofMinutes(15));
  }

  /** A token of another issuer, otherwise valid and signed with the served key. */
  public String wrongIssuerToken(long userId, String username, List<String> roles) {
    return token(userId, username, roles, "someone-else", Instant.now(), Duration.ofMinutes(15));
  }

  /**
   * A token signed with a key that is not served, under the served key's id: what a forger without
   * the private key can produce.
   */
  public String forgedToken(long userId, String username, List<String> roles) {
    RSAKey other;
    try {
      other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return sign(
        other, claims(userId, username, roles, issuer, Instant.now(), Duration.ofMinutes(15)));
  }

  private static JWTClaimsSet claims(
      long userId,
      String username,
      List<String> roles,
      String issuer,
      Instant issuedAt,
      Duration lifetime) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(Long.toString(userId))
        .claim("preferred_username", username)
        .claim("roles", roles)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(lifetime)))
        .build();
  }

  private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
