package dev.animetracker.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API through the gateway for calls that belong to no one in particular (anonymous
 * reads, calls with a token already in hand), all from one address of their own. Logins,
 * registrations and password resets, which the gateway limits per IP, go through a {@link Visitor}
 * per simulated person instead.
 */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Visitor SHARED = Visitor.fresh();

  /** A response with its body parsed when it is JSON. */
  record Response(int status, HttpResponse<String> raw, JsonNode json) {

    String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    String text(String field) {
      return json.path(field).asString();
    }
  }

  private Api() {}

  static Response get(String path, String accessToken) {
    return SHARED.get(path, accessToken);
  }

  static Response post(String path, Object body) {
    return SHARED.post(path, body);
  }

  static Response post(String path, Object body, String accessToken) {
    return SHARED.post(path, body, accessToken);
  }

  static Response postRaw(String path, String contentType, String body) {
    return SHARED.postRaw(path, contentType, body);
  }

  static Response patch(String path, Object body, String accessToken) {
    return SHARED.patch(path, body, accessToken);
  }

  static Response delete(String path, String accessToken) {
    return SHARED.delete(path, accessToken);
  }

  static Response put(String path, Object body, String accessToken) {
    return SHARED.put(path, body, accessToken);
  }

  static Response send(HttpRequest request) {
    return SHARED.send(request);
  }

  /** A unique, valid username for one test. */
  static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A word of random letters no other test (or run) uses, so a search for it finds only what this
   * test uploaded: tokenizers keep letters together where digits and dashes would split a word.
   */
  static String uniqueWord(int length) {
    StringBuilder word = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /**
   * Registers, verifies through the mailed link and logs in as a new person at an address of their
   * own; returns the login response body.
   */
  static JsonNode registerVerifiedUser(String username, String password) {
    return Visitor.fresh().registerVerifiedUser(username, password);
  }

  /** The seeded moderator's access token, logged in from an address of its own. */
  static String adminToken() {
    return Visitor.fresh().adminToken();
  }
}
