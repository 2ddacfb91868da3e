package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The account forms a browser submits (logout, resend verification, password reset request and
 * confirmation): each test loads the page that holds the form, posts it with the page's CSRF token
 * as cookie and field, and checks both what the user gets and the exact request user-service got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountFormPostsIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void logoutRevokesTheRefreshTokenClearsTheCookiesAndGoesHome() {
    stubs.users.answer("POST /api/auth/logout", r -> new Answer(204, "application/json", ""));
    String access = stubs.token("alice");
    EntityExchangeResult<String> home = page(client.get().uri("/").cookie("AT", access));
    String csrf = BrowserForms.csrf(home, "/logout");

    EntityExchangeResult<byte[]> result =
        client
            .post()
            .uri("/logout")
            .cookie("AT", access)
            .cookie("RT", "rt-alice")
            .cookie("XSRF-TOKEN", csrf)
            .body(BodyInserters.fromFormData("_csrf", csrf))
            .exchange()
            .expectStatus()
            .isSeeOther()
            .expectHeader()
            .location("/")
            .expectBody()
            .returnResult();

    assertThat(result.getResponseCookies().getFirst("AT").getMaxAge()).isEqualTo(Duration.ZERO);
    assertThat(result.getResponseCookies().getFirst("RT").getMaxAge()).isEqualTo(Duration.ZERO);
    List<StubServer.Recorded> seen = stubs.users.requestsTo("/api/auth/logout");
    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().method()).isEqualTo("POST");
    assertThat(BrowserForms.json(seen.getFirst().body()))
        .isEqualTo(Map.of("refreshToken", "rt-alice"));
  }

  @Test
  void resendVerificationFromTheLoginPageSendsTheAddressAndShowsTheNotice() {
    stubs.users.answer("POST /api/auth/login", r -> Answer.problem(403, "email-not-verified", ""));
    stubs.users.answer(
        "POST /api/auth/verify-email/resend", r -> new Answer(202, "application/json", ""));
    EntityExchangeResult<String> login = page(client.get().uri("/login").cookie("lang", "en"));
    String csrf = BrowserForms.csrf(login, "/login");

    // Logging in with an unverified address brings the "resend" form.
    EntityExchangeResult<String> refused =
        client
            .post()
            .uri("/login")
            .cookie("lang", "en")
            .cookie("XSRF-TOKEN", csrf)
            .body(
                BodyInserters.fromFormData("login", "erin@example.org")
                    .with("password", "secret-password")
                    .with("_csrf", csrf))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody(String.class)
            .returnResult();
    assertThat(refused.getResponseBody())
        .contains("data-testid=\"resend-section\"", "value=\"erin@example.org\"");
    String resendCsrf = BrowserForms.csrf(refused, "/verify-email/resend", csrf);

    client
        .post()
        .uri("/verify-email/resend")
        .cookie("lang", "en")
        .cookie("XSRF-TOKEN", csrf)
        .body(BodyInserters.fromFormData("email", "erin@example.org").with("_csrf", resendCsrf))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains(
                        "If the address is registered and not yet confirmed, we sent a new"
                            + " e-mail to it."));

    List<StubServer.Recorded> seen = stubs.users.requestsTo("/api/auth/verify-email/resend");
    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().method()).isEqualTo("POST");
    assertThat(BrowserForms.json(seen.getFirst().body()))
        .isEqualTo(Map.of("email", "erin@example.org"));
  }

  @Test
  void passwordResetRequestSendsTheAddressAndAnswersNeutrally() {
    stubs.users.answer(
        "POST /api/auth/password-reset", r -> new Answer(202, "application/json", ""));
    EntityExchangeResult<String> form =
        page(client.get().uri("/reset-password").cookie("lang", "en"));
    String csrf = BrowserForms.csrf(form, "/reset-password");

    client
        .post()
        .uri("/reset-password")
        .cookie("lang", "en")
        .cookie("XSRF-TOKEN", csrf)
        .body(BodyInserters.fromFormData("email", " gina@example.org ").with("_csrf", csrf))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains(
                        "If the address is registered, we sent a link to set a new password."));

    List<StubServer.Recorded> seen = stubs.users.requestsTo("/api/auth/password-reset");
    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().method()).isEqualTo("POST");
    assertThat(BrowserForms.json(seen.getFirst().body()))
        .isEqualTo(Map.of("email", "gina@example.org"));
  }

  @Test
  void passwordResetConfirmationSendsTheTokenAndTheNewPassword() {
    stubs.users.answer(
        "POST /api/auth/password-reset/confirm", r -> new Answer(204, "application/json", ""));
    EntityExchangeResult<String> form =
        page(client.get().uri("/reset-password?token=reset-tok-1").cookie("lang", "en"));
    assertThat(form.getResponseBody()).contains("name=\"token\" value=\"reset-tok-1\"");
    String csrf = BrowserForms.csrf(form, "/reset-password/confirm");

    client
        .post()
        .uri("/reset-password/confirm")
        .cookie("lang", "en")
        .cookie("XSRF-TOKEN", csrf)
        .body(
            BodyInserters.fromFormData("token", "reset-tok-1")
                .with("newPassword", "a-new-long-password")
                .with("repeatPassword", "a-new-long-password")
                .with("_csrf", csrf))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("You can log in with the new password now."));

    List<StubServer.Recorded> seen = stubs.users.requestsTo("/api/auth/password-reset/confirm");
    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().method()).isEqualTo("POST");
    assertThat(BrowserForms.json(seen.getFirst().body()))
        .isEqualTo(Map.of("token", "reset-tok-1", "newPassword", "a-new-long-password"));
  }

  private static EntityExchangeResult<String> page(WebTestClient.RequestHeadersSpec<?> request) {
    return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
  }
}
