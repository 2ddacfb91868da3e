package dev.animetracker.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON client for the public API through the gateway, as an API user (Bearer tokens, no cookies).
 */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
    return send(request(path, accessToken).GET().build());
  }

  static Response post(String path, Object body) {
    return post(path, body, null);
  }

  static Response post(String path, Object body, String accessToken) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  static Response postRaw(String path, String contentType, String body) {
    return send(
        request(path, null)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static Response patch(String path, Object body, String accessToken) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  static Response delete(String path, String accessToken) {
    return send(request(path, accessToken).DELETE().build());
  }

  static Response put(String path, Object body, String accessToken) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  /** A unique, valid username for one test. */
  static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers, verifies through the mailed link and logs in; returns the login response body. */
  static JsonNode registerVerifiedUser(String username, String password) {
    String email = username.toLowerCase(java.util.Locale.ROOT) + "@example.org";
    Response registered =
        post(
            "/api/auth/register",
            Map.of("username", username, "email", email, "password", password));
    if (registered.status() != 201) {
      throw new AssertionError("register failed: " + registered.raw().body());
    }
    String token = MailSink.awaitMail(email, 1, Duration.ofSeconds(30)).tokenOf("/verify-email");
    Response verified = post("/api/auth/verify-email", Map.of("token", token));
    if (verified.status() != 204) {
      throw new AssertionError("verify failed: " + verified.raw().body());
    }
    Response login = post("/api/auth/login", Map.of("login", username, "password", password));
    if (login.status() != 200) {
      throw new AssertionError("login failed: " + login.raw().body());
    }
    return login.json();
  }

  private static HttpRequest.Builder request(String path, String accessToken) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(Stack.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    return builder;
  }

  static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && !response.body().isBlank()) {
        json = JSON.readTree(response.body());
      }
      return new Response(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
