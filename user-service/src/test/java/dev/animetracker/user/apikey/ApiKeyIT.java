package dev.animetracker.user.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import dev.animetracker.user.token.SecureTokens;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApiKeyIT extends ApiTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void theKeyIsShownOnceStoredAsItsHashAndResolvable() {
    TestUser user = registerVerified("Key");
    String token = accessToken(user.username(), user.password());

    // The first GET makes the first key and shows it (the contract's GET → {apiKey}): once.
    Response first = get("/api/users/me/api-key", token);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("exists").asBoolean()).isTrue();
    String firstKey = first.text("apiKey");
    assertThat(firstKey).matches("[0-9a-f]{64}");
    Response again = get("/api/users/me/api-key", token);
    assertThat(again.json().get("exists").asBoolean()).isTrue();
    assertThat(again.json().path("apiKey").isNull()).as(again.body()).isTrue();
    assertThat(again.body()).doesNotContain(firstKey);
    assertThat(getInternal("/internal/users/by-api-key/" + firstKey).status()).isEqualTo(200);

    Response created = post("/api/users/me/api-key", null, token);
    assertThat(created.status()).isEqualTo(200);
    String key = created.text("apiKey");
    assertThat(key).matches("[0-9a-f]{64}").isNotEqualTo(firstKey);
    getInternal("/internal/users/by-api-key/" + firstKey).assertProblem(404, "user-not-found");

    // Afterwards only whether there is one and since when: never the key again.
    Response status = get("/api/users/me/api-key", token);
    assertThat(status.json().get("exists").asBoolean()).isTrue();
    assertThat(status.text("createdAt")).isNotBlank();
    assertThat(status.body()).doesNotContain(key);
    assertThat(storedHash(user)).isEqualTo(SecureTokens.sha256(key)).isNotEqualTo(key);

    Response owner = getInternal("/internal/users/by-api-key/" + key);
    assertThat(owner.status()).isEqualTo(200);
    assertThat(owner.json().get("id").asLong()).isEqualTo(user.id());
    assertThat(owner.json().get("username").asString()).isEqualTo(user.username());
    assertThat(owner.json().get("active").asBoolean()).isTrue();
    assertThat(owner.json().get("moderator").asBoolean()).isFalse();
    // The stored hash is no key: a stolen dump opens nothing.
    getInternal("/internal/users/by-api-key/" + storedHash(user))
        .assertProblem(404, "user-not-found");

    Response rotated = post("/api/users/me/api-key", null, token);
    assertThat(rotated.status()).isEqualTo(200);
    String newKey = rotated.text("apiKey");
    assertThat(newKey).matches("[0-9a-f]{64}").isNotEqualTo(key);
    getInternal("/internal/users/by-api-key/" + key).assertProblem(404, "user-not-found");
    assertThat(getInternal("/internal/users/by-api-key/" + newKey).status()).isEqualTo(200);

    get("/api/users/me/api-key", null).assertProblem(401, "unauthorized");
  }

  @Test
  void theMigrationHashesKeysStoredBeforeItAndTheyKeepWorking() {
    String schema = "apikey_migration_" + UUID.randomUUID().toString().replace("-", "");
    Flyway before =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .locations("classpath:db/migration", "classpath:db/common")
            .target("2")
            .load();
    before.migrate();
    String oldKey = SecureTokens.newHexKey();
    jdbc.sql(
            "insert into "
                + schema
                + ".users (username, email, password_hash, api_key) values ('old', 'o@x.org', 'x', :key)")
        .param("key", oldKey)
        .update();

    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .locations("classpath:db/migration", "classpath:db/common")
        .load()
        .migrate();

    assertThat(
            jdbc.sql("select api_key_hash from " + schema + ".users where username = 'old'")
                .query(String.class)
                .single())
        .isEqualTo(SecureTokens.sha256(oldKey));
    assertThat(
            jdbc.sql(
                    "select api_key_created_at is not null from "
                        + schema
                        + ".users where username = 'old'")
                .query(Boolean.class)
                .single())
        .isTrue();
    jdbc.sql("drop schema " + schema + " cascade").update();
  }

  private String storedHash(TestUser user) {
    return jdbc.sql("select api_key_hash from users where id = :id")
        .param("id", user.id())
        .query(String.class)
        .single();
  }
}
