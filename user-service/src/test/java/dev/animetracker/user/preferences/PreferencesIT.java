package dev.animetracker.user.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PreferencesIT extends ApiTestSupport {

  @Test
  void commentNotificationsAreOnByDefaultAndCanBeTurnedOffAndOn() {
    TestUser user = registerVerified("Pref");
    String token = accessToken(user.username(), user.password());

    Response initial = get("/api/users/me/preferences", token);
    assertThat(initial.status()).as(initial.body()).isEqualTo(200);
    assertThat(initial.json().get("notifyOnComment").asBoolean()).isTrue();

    Response off = put("/api/users/me/preferences", Map.of("notifyOnComment", false), token);
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(off.json().get("notifyOnComment").asBoolean()).isFalse();
    assertThat(off.json().size()).isEqualTo(1);
    assertThat(get("/api/users/me/preferences", token).json().get("notifyOnComment").asBoolean())
        .isFalse();

    Response on = put("/api/users/me/preferences", Map.of("notifyOnComment", true), token);
    assertThat(on.json().get("notifyOnComment").asBoolean()).isTrue();
    assertThat(get("/api/users/me/preferences", token).json().get("notifyOnComment").asBoolean())
        .isTrue();
  }

  @Test
  void preferencesNeedALoginAndAValidBody() {
    TestUser user = registerVerified("PrefBad");
    String token = accessToken(user.username(), user.password());

    get("/api/users/me/preferences", null).assertProblem(401, "unauthorized");
    put("/api/users/me/preferences", Map.of("notifyOnComment", false), null)
        .assertProblem(401, "unauthorized");
    get("/api/users/me/preferences", "not-a-token").assertProblem(401, "invalid-access-token");

    Response missing = put("/api/users/me/preferences", Map.of(), token);
    missing.assertProblem(400, "validation-failed");
    assertThat(missing.json().get("errors").get(0).get("field").asString())
        .isEqualTo("notifyOnComment");
    put("/api/users/me/preferences", "{\"notifyOnComment\":", token)
        .assertProblem(400, "malformed-body");
    // Nothing changed.
    assertThat(get("/api/users/me/preferences", token).json().get("notifyOnComment").asBoolean())
        .isTrue();
  }

  @Test
  void internalContactTellsOtherServicesHowToMailAUser() {
    TestUser user = registerVerified("Contact");
    String token = accessToken(user.username(), user.password());
    put("/api/users/me/preferences", Map.of("notifyOnComment", false), token);

    Response contact = getInternal("/internal/users/" + user.id() + "/contact");
    assertThat(contact.status()).as(contact.body()).isEqualTo(200);
    JsonNode body = contact.json();
    assertThat(body.get("id").asLong()).isEqualTo(user.id());
    assertThat(body.get("username").asString()).isEqualTo(user.username());
    assertThat(body.get("email").asString()).isEqualTo(user.email());
    assertThat(body.get("locale").asString()).isEqualTo("ru");
    assertThat(body.get("notifyOnComment").asBoolean()).isFalse();
    assertThat(body.get("active").asBoolean()).isTrue();
    assertThat(body.has("passwordHash")).isFalse();
    assertThat(body.has("apiKey")).isFalse();

    TestUser inactive = register("Inactive");
    JsonNode pending = getInternal("/internal/users/" + inactive.id() + "/contact").json();
    assertThat(pending.get("active").asBoolean()).isFalse();
    assertThat(pending.get("notifyOnComment").asBoolean()).isTrue();

    getInternal("/internal/users/987654321/contact").assertProblem(404, "user-not-found");
  }
}
