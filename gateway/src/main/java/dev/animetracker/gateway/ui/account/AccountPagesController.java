package dev.animetracker.gateway.ui.account;

import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.Registered;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter.Decision;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter.Limit;
import dev.animetracker.gateway.ratelimit.ClientIpResolver;
import dev.animetracker.gateway.security.SessionCookies;
import dev.animetracker.gateway.ui.account.AccountForms.EmailForm;
import dev.animetracker.gateway.ui.account.AccountForms.LoginForm;
import dev.animetracker.gateway.ui.account.AccountForms.NewPasswordForm;
import dev.animetracker.gateway.ui.account.AccountForms.RegisterForm;
import dev.animetracker.gateway.ui.account.AccountForms.TokenForm;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Forms;
import dev.animetracker.gateway.ui.support.PageErrors;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Registration, e-mail verification, login/logout and password reset pages. */
@Controller
class AccountPagesController {

  private static final Set<String> REGISTER_FIELDS = Set.of("username", "email", "password");

  private static final Set<String> LOGIN_FIELDS = Set.of("login", "password");

  private static final Set<String> EMAIL_FIELDS = Set.of("email");

  private static final Set<String> NEW_PASSWORD_FIELDS = Set.of("newPassword", "repeatPassword");

  private final UserServiceClient users;

  private final SessionCookies cookies;

  private final AuthRateLimiter limiter;

  private final ClientIpResolver clientIp;

  private final UiMessages messages;

  AccountPagesController(
      UserServiceClient users,
      SessionCookies cookies,
      AuthRateLimiter limiter,
      ClientIpResolver clientIp,
      UiMessages messages) {
    this.users = users;
    this.cookies = cookies;
    this.limiter = limiter;
    this.clientIp = clientIp;
    this.messages = messages;
  }

  // --- registration ---

  @GetMapping("/register")
  String registerForm(Model model) {
    model.addAttribute("formValues", Map.of("username", "", "email", ""));
    model.addAttribute("errors", new FormErrors());
    return "register";
  }

  @PostMapping("/register")
  Mono<String> register(
      @ModelAttribute RegisterForm form, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    String username = Forms.trimmed(form.username());
    String email = Forms.trimmed(form.email());
    model.addAttribute("formValues", Map.of("username", username, "email", email));
    model.addAttribute("errors", new FormErrors());
    return limited(
            exchange,
            List.of(limiter.check(Limit.REGISTER_IP, clientIp.resolve(exchange))),
            model,
            "register")
        .switchIfEmpty(
            Mono.defer(
                () ->
                    users
                        .register(username, email, Forms.raw(form.password()), locale.getLanguage())
                        .map(
                            result ->
                                switch (result) {
                                  case DownstreamResult.Ok<Registered> ok -> {
                                    // POST-redirect-GET: reloading the "check your mail" page
                                    // must not post the registration again.
                                    exchange
                                        .getResponse()
                                        .addCookie(registeredCookie(exchange, email, DONE_AGE));
                                    yield "redirect:/register/done";
                                  }
                                  case DownstreamResult.Failed<Registered> failed -> {
                                    status(exchange, failed.status());
                                    model.addAttribute(
                                        "errors",
                                        messages.fromAccountProblem(
                                            failed, REGISTER_FIELDS, locale));
                                    yield "register";
                                  }
                                  case DownstreamResult.Unavailable<Registered> down ->
                                      throw PageErrors.accountUnavailable();
                                })));
  }

  /**
   * The page after a registration. The address it names comes from a short-lived cookie set by the
   * POST (not the URL, where it would end up in history and logs); without it the page still reads.
   */
  @GetMapping("/register/done")
  String registered(Model model, ServerWebExchange exchange) {
    HttpCookie cookie = exchange.getRequest().getCookies().getFirst(REGISTERED_COOKIE);
    String email =
        cookie == null ? "" : URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
    model.addAttribute("email", email);
    return "register-done";
  }

  private static final String REGISTERED_COOKIE = "registered";

  private static final Duration DONE_AGE = Duration.ofMinutes(10);

  private static ResponseCookie registeredCookie(
      ServerWebExchange exchange, String email, Duration maxAge) {
    return ResponseCookie.from(REGISTERED_COOKIE, URLEncoder.encode(email, StandardCharsets.UTF_8))
        .httpOnly(true)
        .secure(SessionCookies.isHttps(exchange))
        .sameSite("Lax")
        .path("/register/done")
        .maxAge(maxAge)
        .build();
  }

  // --- login / logout ---

  /** Why a page sent the visitor here; the login page says so ({@code login.reason.<reason>}). */
  private static final Set<String> LOGIN_REASONS = Set.of("download", "upload", "page");

  /**
   * The login form. {@code redirect} (or its alias {@code next}) is where a successful login goes
   * back to, local paths only; {@code reason} says why the visitor must log in.
   */
  @GetMapping("/login")
  String loginForm(
      @RequestParam(required = false) @Nullable String redirect,
      @RequestParam(required = false) @Nullable String next,
      @RequestParam(required = false) @Nullable String reason,
      Model model) {
    model.addAttribute(
        "formValues", loginValues("", safeRedirect(redirect != null ? redirect : next)));
    model.addAttribute("errors", new FormErrors());
    if (reason != null && LOGIN_REASONS.contains(reason)) {
      model.addAttribute("loginReason", reason);
    }
    return "login";
  }

  @PostMapping("/login")
  Mono<String> login(@ModelAttribute LoginForm form, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    String login = Forms.trimmed(form.login());
    String redirect = safeRedirect(form.redirect());
    model.addAttribute("formValues", loginValues(login, redirect));
    model.addAttribute("errors", new FormErrors());
    List<Mono<Decision>> checks = new ArrayList<>();
    checks.add(limiter.check(Limit.LOGIN_IP, clientIp.resolve(exchange)));
    if (!login.isEmpty()) {
      checks.add(limiter.check(Limit.LOGIN_ACCOUNT, login));
    }
    return limited(exchange, checks, model, "login")
        .switchIfEmpty(
            Mono.defer(
                () ->
                    users
                        .login(login, Forms.raw(form.password()))
                        .map(
                            result ->
                                switch (result) {
                                  case DownstreamResult.Ok<TokenPair>(TokenPair tokens)
                                      when tokens != null -> {
                                    cookies.write(exchange, tokens);
                                    yield "redirect:" + redirect;
                                  }
                                  case DownstreamResult.Failed<TokenPair> failed -> {
                                    status(exchange, failed.status());
                                    if ("email-not-verified".equals(failed.code())) {
                                      model.addAttribute("resend", true);
                                      model.addAttribute(
                                          "resendEmail", login.contains("@") ? login : "");
                                    }
                                    model.addAttribute(
                                        "errors",
                                        messages.fromAccountProblem(failed, LOGIN_FIELDS, locale));
                                    yield "login";
                                  }
                                  default -> throw PageErrors.accountUnavailable();
                                })));
  }

  @PostMapping("/logout")
  Mono<String> logout(ServerWebExchange exchange) {
    String refresh = SessionCookies.value(exchange, SessionCookies.REFRESH);
    Mono<?> revoke = refresh == null ? Mono.empty() : users.logout(refresh);
    return revoke.then(Mono.fromRunnable(() -> cookies.clear(exchange))).thenReturn("redirect:/");
  }

  // --- e-mail verification ---

  @GetMapping("/verify-email")
  String verifyForm(
      @RequestParam(required = false) @Nullable String token,
      Model model,
      ServerWebExchange exchange) {
    if (token == null || token.isBlank()) {
      status(exchange, 400);
      return notice(model, "verify.invalid", true);
    }
    model.addAttribute("token", token);
    return "verify-email";
  }

  @PostMapping("/verify-email")
  Mono<String> verify(@ModelAttribute TokenForm form, Model model, ServerWebExchange exchange) {
    String token = Forms.trimmed(form.token());
    if (token.isEmpty()) {
      status(exchange, 400);
      return Mono.just(notice(model, "verify.invalid", true));
    }
    return users
        .verifyEmail(token)
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<Void> ok -> notice(model, "verify.success", true);
                  case DownstreamResult.Failed<Void> failed -> {
                    status(exchange, failed.status());
                    yield notice(model, "verify.invalid", true);
                  }
                  case DownstreamResult.Unavailable<Void> down ->
                      throw PageErrors.accountUnavailable();
                });
  }

  @PostMapping("/verify-email/resend")
  Mono<String> resendVerification(
      @ModelAttribute EmailForm form, Model model, ServerWebExchange exchange) {
    String email = Forms.trimmed(form.email());
    List<Mono<Decision>> checks = new ArrayList<>();
    checks.add(limiter.check(Limit.RESEND_IP, clientIp.resolve(exchange)));
    if (!email.isEmpty()) {
      checks.add(limiter.check(Limit.RESEND_EMAIL, email));
    }
    model.addAttribute("formValues", loginValues("", "/"));
    model.addAttribute("errors", new FormErrors());
    return limited(exchange, checks, model, "login")
        .switchIfEmpty(
            Mono.defer(
                () ->
                    users
                        .resendVerification(email)
                        .map(
                            result -> {
                              if (result instanceof DownstreamResult.Unavailable<Void>) {
                                throw PageErrors.accountUnavailable();
                              }
                              return notice(model, "verify.resent", true);
                            })));
  }

  // --- password reset ---

  @GetMapping("/reset-password")
  String resetForm(@RequestParam(required = false) @Nullable String token, Model model) {
    model.addAttribute("errors", new FormErrors());
    if (token == null || token.isBlank()) {
      model.addAttribute("formValues", Map.of("email", ""));
      return "reset-request";
    }
    model.addAttribute("token", token);
    return "reset-confirm";
  }

  @PostMapping("/reset-password")
  Mono<String> requestReset(
      @ModelAttribute EmailForm form, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    String email = Forms.trimmed(form.email());
    model.addAttribute("formValues", Map.of("email", email));
    model.addAttribute("errors", new FormErrors());
    List<Mono<Decision>> checks = new ArrayList<>();
    checks.add(limiter.check(Limit.RESET_IP, clientIp.resolve(exchange)));
    if (!email.isEmpty()) {
      checks.add(limiter.check(Limit.RESET_EMAIL, email));
    }
    return limited(exchange, checks, model, "reset-request")
        .switchIfEmpty(
            Mono.defer(
                () ->
                    users
                        .requestPasswordReset(email)
                        .map(
                            result ->
                                switch (result) {
                                  case DownstreamResult.Failed<Void> failed
                                      when failed.status() == 400 -> {
                                    status(exchange, 400);
                                    model.addAttribute(
                                        "errors",
                                        messages.fromAccountProblem(failed, EMAIL_FIELDS, locale));
                                    yield "reset-request";
                                  }
                                  case DownstreamResult.Unavailable<Void> down ->
                                      throw PageErrors.accountUnavailable();
                                  // Neutral on purpose: never reveal whether the address exists.
                                  default -> notice(model, "reset.sent", false);
                                })));
  }

  @PostMapping("/reset-password/confirm")
  Mono<String> confirmReset(
      @ModelAttribute NewPasswordForm form, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    String token = Forms.trimmed(form.token());
    model.addAttribute("token", token);
    String password = Forms.raw(form.newPassword());
    if (!password.equals(Forms.raw(form.repeatPassword()))) {
      FormErrors errors = new FormErrors();
      errors.reject("repeatPassword", messages.fieldMessage("repeatPassword", "mismatch", locale));
      model.addAttribute("errors", errors);
      status(exchange, 400);
      return Mono.just("reset-confirm");
    }
    return users
        .confirmPasswordReset(token, password)
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<Void> ok -> notice(model, "reset.done", true);
                  case DownstreamResult.Failed<Void> failed -> {
                    status(exchange, failed.status());
                    model.addAttribute(
                        "errors", messages.fromAccountProblem(failed, NEW_PASSWORD_FIELDS, locale));
                    yield "reset-confirm";
                  }
                  case DownstreamResult.Unavailable<Void> down ->
                      throw PageErrors.accountUnavailable();
                });
  }

  // --- helpers ---

  /** Renders the view with a "too many attempts" message if any limit is exhausted. */
  private Mono<String> limited(
      ServerWebExchange exchange, List<Mono<Decision>> checks, Model model, String view) {
    Locale locale = UiContext.locale(exchange);
    return limiter
        .checkAll(checks)
        .flatMap(
            decision -> {
              if (decision.allowed()) {
                return Mono.empty();
              }
              exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
              FormErrors errors = new FormErrors();
              errors.global(
                  messages.text(
                      "error.problem.rate-limited", locale, decision.retryAfterSeconds()));
              model.addAttribute("errors", errors);
              return Mono.just(view);
            });
  }

  private static String notice(Model model, String key, boolean loginLink) {
    model.addAttribute("noticeKey", key);
    model.addAttribute("loginLink", loginLink);
    return "notice";
  }

  private static Map<String, String> loginValues(String login, String redirect) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("login", login);
    values.put("redirect", redirect);
    return values;
  }

  private static void status(ServerWebExchange exchange, int status) {
    exchange.getResponse().setRawStatusCode(status);
  }

  /**
   * Only same-site paths: never an open redirect, and never a value that breaks the redirect (a tab
   * gave a 500; browsers also drop tabs and newlines, so {@code /<TAB>/evil.example} would become
   * {@code //evil.example}). Anything odd falls back to {@code /}: it must start with one slash and
   * hold only URI path, query and fragment characters, also after one round of percent-decoding.
   */
  static String safeRedirect(@Nullable String redirect) {
    if (redirect == null || redirect.length() > MAX_REDIRECT_LENGTH || !isLocalPath(redirect)) {
      return "/";
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(redirect.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return "/";
    }
    // "/%2F/evil.example" or "/%5C..." must not turn into a host once something decodes it.
    if (decoded.startsWith("//") || decoded.startsWith("/\\") || hasControl(decoded)) {
      return "/";
    }
    return redirect;
  }

  private static final int MAX_REDIRECT_LENGTH = 2000;

  private static boolean isLocalPath(String path) {
    if (!path.startsWith("/") || path.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/?#%".indexOf(c) >= 0;
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
  }
}
