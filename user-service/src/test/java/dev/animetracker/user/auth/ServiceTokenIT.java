package dev.animetracker.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.user.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /oauth2/token} and what its tokens open: {@code /internal/**} answers our services
 * only, and a service token is never a user.
 */
class ServiceTokenIT extends ApiTestSupport {

  private static final String SECRET = ServiceAuthProperties.DEVELOPMENT_SECRET;
  private static final String TOKEN = ServiceAuthProperties.TOKEN_PATH;

  private Response token(String form) {
    return sendForm(TOKEN, form, Map.of());
  }

  @Test
  void anAllowedServiceWithTheSecretGetsAShortLivedTokenThatOpensTheInternalApi() {
    TestUser user = registerVerified("Contact");

    Response answer =
        token(
            "grant_type=client_credentials&client_id=notification-service&client_secret=" + SECRET);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.text("token_type")).isEqualTo("Bearer");
    assertThat(answer.text("scope")).isEqualTo("internal");
    assertThat(answer.json().get("expires_in").asLong()).isEqualTo(300);
    assertThat(answer.header("Cache-Control")).hasValue("no-store");
    String serviceToken = answer.text("access_token");
    Response contact = get("/internal/users/" + user.id() + "/contact", serviceToken);
    assertThat(contact.status()).isEqualTo(200);
    assertThat(contact.text("email")).isEqualTo(user.email());
  }

  @Test
  void httpBasicCredentialsWorkToo() {
    String basic =
        Base64.getEncoder()
            .encodeToString(("search-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
    Response answer =
        sendForm(TOKEN, "grant_type=client_credentials", Map.of("Authorization", "Basic " + basic));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.text("access_token")).isNotBlank();
  }

  @Test
  void aWrongSecretAnUnknownClientOrNoSecretAreTheSameInvalidClient() {
    for (String form :
        new String[] {
          "grant_type=client_credentials&client_id=torrent-service&client_secret=" + SECRET + "x",
          "grant_type=client_credentials&client_id=torrent-service&client_secret=short",
          "grant_type=client_credentials&client_id=mallory&client_secret=" + SECRET,
          "grant_type=client_credentials&client_id=torrent-service",
          "grant_type=client_credentials"
        }) {
      Response answer = token(form).assertProblem(401, "invalid-client");
      assertThat(answer.text("error")).isEqualTo("invalid_client");
      assertThat(answer.body()).doesNotContain(SECRET);
    }
    Response garbled =
        sendForm(
            TOKEN, "grant_type=client_credentials", Map.of("Authorization", "Basic not~base64"));
    garbled.assertProblem(401, "invalid-client");
  }

  @Test
  void otherGrantsScopesAndRepeatedParametersAreRefusedClearly() {
    token("grant_type=password&username=admin&password=" + ADMIN_PASSWORD)
        .assertProblem(400, "unsupported-grant-type");
    token("client_id=torrent-service&client_secret=" + SECRET)
        .assertProblem(400, "unsupported-grant-type");
    token(
            "grant_type=client_credentials&scope=admin&client_id=torrent-service&client_secret="
                + SECRET)
        .assertProblem(400, "invalid-scope");
    token(
            "grant_type=client_credentials&client_id=torrent-service&client_id=mallory"
                + "&client_secret="
                + SECRET)
        .assertProblem(400, "invalid-request");
    Response json =
        post(TOKEN, Map.of("grant_type", "client_credentials", "client_id", "torrent-service"));
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.body()).doesNotContain("Exception");
  }

  @Test
  void theInternalApiAnswersNoUserAndNoOneWithoutAToken() {
    TestUser user = registerVerified("Nosy");
    String path = "/internal/users/" + user.id() + "/contact";

    get(path, null).assertProblem(401, "unauthorized");
    get(path, accessToken(user.username(), user.password()))
        .assertProblem(401, "invalid-access-token");
    get(path, accessToken("admin", ADMIN_PASSWORD)).assertProblem(401, "invalid-access-token");
    get(path, "not.a.token").assertProblem(401, "invalid-access-token");
    // Spellings the router would also accept never reach the controller without a token.
    for (String variant :
        new String[] {
          "/%69nternal/users/" + user.id() + "/contact",
          "/internal/users/" + user.id() + "/contact/",
          "/internal/./users/" + user.id() + "/contact",
          "/internal;x=1/users/" + user.id() + "/contact",
          "//internal/users/" + user.id() + "/contact"
        }) {
      Response answer = get(variant, null);
      assertThat(answer.status()).as(variant + " " + answer.body()).isIn(400, 401, 404);
      assertThat(answer.body()).as(variant).doesNotContain(user.email());
    }
  }

  @Test
  void aServiceTokenIsNeverAUser() {
    String serviceToken = serviceToken();
    get("/api/users/me", serviceToken).assertProblem(401, "invalid-access-token");
    put("/api/users/admin/moderator", Map.of("moderator", true), serviceToken)
        .assertProblem(401, "invalid-access-token");
  }
}
