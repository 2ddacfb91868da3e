package dev.animetracker.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.user.ApiTestSupport;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rotating the signing key logs nobody out: the next key is published before it signs, tokens of
 * the old key stay valid while it is active, and only a retired key's tokens are refused.
 */
@TestPropertySource(
    properties = {
      "animetracker.users.jwt.key-refresh=200ms",
      "animetracker.users.jwt.next-key-lead=3s"
    })
class SigningKeyRotationIT extends ApiTestSupport {

  @Test
  void aRotationPublishesFirstSignsLaterAndKeepsOldTokensValidUntilRetired() throws Exception {
    TestUser user = registerVerified("Rotate");
    String before = accessToken(user.username(), user.password());
    String oldKid = kid(before);
    String operator = operatorToken();

    Response created = send("POST", "/internal/signing-keys", null, operator, Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String nextKid = created.text("kid");
    assertThat(nextKid).isNotEqualTo(oldKid);

    // Published at once (verifiers learn it first), but not yet signing.
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> jwksKids().contains(nextKid));
    assertThat(jwksKids()).contains(oldKid);
    assertThat(kid(accessToken(user.username(), user.password()))).isEqualTo(oldKid);

    // After the lead it signs; the token of the old key still works.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> kid(accessToken(user.username(), user.password())).equals(nextKid));
    String after = accessToken(user.username(), user.password());
    assertThat(get("/api/users/me", before).status()).isEqualTo(200);
    assertThat(get("/api/users/me", after).status()).isEqualTo(200);

    // The key that signs cannot be retired; the old one can, and then its tokens are refused.
    send("DELETE", "/internal/signing-keys/" + nextKid, null, operator, Map.of())
        .assertProblem(409, "signing-key-in-use");
    assertThat(
            send("DELETE", "/internal/signing-keys/" + oldKid, null, operator, Map.of()).status())
        .isEqualTo(204);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> get("/api/users/me", before).status() == 401);
    assertThat(jwksKids()).doesNotContain(oldKid);
    assertThat(get("/api/users/me", after).status()).isEqualTo(200);
    assertThat(get("/internal/signing-keys", operator).status())
        .as("the operator's own token was signed by the retired key")
        .isEqualTo(401);
    send("DELETE", "/internal/signing-keys/" + oldKid, null, operatorToken(), Map.of())
        .assertProblem(404, "signing-key-not-found");
  }

  @Test
  void onlyTheOperatorClientManagesKeys() {
    send("POST", "/internal/signing-keys", null, serviceToken(), Map.of())
        .assertProblem(403, "forbidden");
    assertThat(send("GET", "/internal/signing-keys", null, null, Map.of()).status()).isEqualTo(401);
  }

  private String operatorToken() {
    Response response =
        sendForm(
            ServiceAuthProperties.TOKEN_PATH,
            "grant_type=client_credentials&client_id="
                + SigningKeyController.OPERATOR
                + "&client_secret="
                + ServiceAuthProperties.DEVELOPMENT_SECRET,
            Map.of());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.text("access_token");
  }

  private java.util.List<String> jwksKids() {
    JsonNode keys = get("/.well-known/jwks.json", null).json().get("keys");
    java.util.List<String> kids = new java.util.ArrayList<>();
    keys.forEach(k -> kids.add(k.get("kid").asString()));
    return kids;
  }

  private static String kid(String token) throws java.text.ParseException {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }
}
