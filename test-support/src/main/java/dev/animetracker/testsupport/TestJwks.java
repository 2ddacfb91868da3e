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
    return token(userId, username, roles, issuer, Instant.now().plusSeconds(900));
  }

  /** The public JWKS document (what user-service serves at {@code /.well-known/jwks.json}). */
  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** The {@code kid} of the signing key, as the JWKS names it. */
  public String keyId() {
    return key.getKeyID();
  }

  /**
   * A token like {@link #token} but with the given issuer and expiry (issued 15 minutes before it):
   * expired tokens, tokens of another issuer.
   */
  public String token(
      long userId, String username, List<String> roles, String tokenIssuer, Instant expiresAt) {
    return sign(key, claims(userId, username, roles, tokenIssuer, expiresAt));
  }

  /**
   * A token valid for 15 minutes, signed with this key but naming another {@code iss}: what a
   * service must refuse although the signature checks out.
   */
  public String tokenIssuedBy(
      String otherIssuer, long userId, String username, List<String> roles) {
    return token(userId, username, roles, otherIssuer, Instant.now().plusSeconds(900));
  }

  /**
   * A token that names this key's {@code kid} but is signed by a key nobody publishes: its
   * signature must not verify.
   */
  public String forgedToken(long userId, String username, List<String> roles) {
    try {
      RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      return sign(other, claims(userId, username, roles, issuer, Instant.now().plusSeconds(900)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet claims(
      long userId, String username, List<String> roles, String tokenIssuer, Instant expiresAt) {
    return new JWTClaimsSet.Builder()
        .issuer(tokenIssuer)
        .subject(Long.toString(userId))
        .claim("preferred_username", username)
        .claim("roles", roles)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(expiresAt.minusSeconds(900)))
        .expirationTime(Date.from(expiresAt))
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
