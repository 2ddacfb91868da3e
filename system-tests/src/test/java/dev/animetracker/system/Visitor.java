package dev.animetracker.system;

import dev.animetracker.system.Api.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One simulated person talking JSON to the public API through the gateway, from a loopback address
 * of their own (see {@link Loopback}): as an API user (Bearer tokens, no cookies).
 */
final class Visitor {

  private final InetAddress address;

  private final HttpClient http;

  private Visitor(InetAddress address) {
    this.address = address;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 as browsers speak it over http://: an h2c upgrade through HAProxy is a 502.
            .version(HttpClient.Version.HTTP_1_1)
            .localAddress(address)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A person no one else in this run shares an address with. */
  static Visitor fresh() {
    return new Visitor(Loopback.next());
  }

  /** The address the gateway sees this person's requests come from. */
  InetAddress address() {
    return address;
  }

  Response get(String path, String accessToken) {
    return send(request(path, accessToken).GET().build());
  }

  Response post(String path, Object body) {
    return post(path, body, null);
  }

  Response post(String path, Object body, String accessToken) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
            .build());
  }

  Response postRaw(String path, String contentType, String body) {
    return send(
        request(path, null)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Response patch(String path, Object body, String accessToken) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
            .build());
  }

  Response delete(String path, String accessToken) {
    return send(request(path, accessToken).DELETE().build());
  }

  Response put(String path, Object body, String accessToken) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
            .build());
  }

  Response login(String login, String password) {
    return post("/api/auth/login", Map.of("login", login, "password", password));
  }

  /** The seeded moderator's access token ({@code make run} creates {@code admin}). */
  String adminToken() {
    Response login = login("admin", "admin-dev-password");
    if (login.status() != 200) {
      throw new AssertionError("admin login failed: " + login.raw().body());
    }
    return login.text("accessToken");
  }

  /** Registers, verifies through the mailed link and logs in; returns the login response body. */
  JsonNode registerVerifiedUser(String username, String password) {
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
    Response login = login(username, password);
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

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && !response.body().isBlank()) {
        json = Api.JSON.readTree(response.body());
      }
      return new Response(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new IllegalStateException(
          request.method() + " " + request.uri() + " from " + address + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
