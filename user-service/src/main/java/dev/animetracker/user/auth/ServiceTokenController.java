package dev.animetracker.user.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.animetracker.common.security.ServiceAuthProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token} (RFC 6749 section 4.4, client credentials only): services, and the
 * operator's scripts, get the token {@code /internal/**} requires. Credentials in the form ({@code
 * client_id}, {@code client_secret}) or as HTTP Basic. Not routed by the gateway.
 */
@RestController
class ServiceTokenController {

  /** RFC 6749 section 5.1's answer. */
  record TokenAnswer(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn,
      String scope) {}

  private record Credentials(String clientId, String clientSecret) {}

  private final ServiceTokenService service;

  ServiceTokenController(ServiceTokenService service) {
    this.service = service;
  }

  @PostMapping(
      path = ServiceAuthProperties.TOKEN_PATH,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<TokenAnswer> token(
      @RequestParam MultiValueMap<String, String> form,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    Credentials credentials = credentials(form, authorization);
    ServiceTokenService.IssuedServiceToken token =
        service.issue(
            single(form, "grant_type"),
            single(form, "scope"),
            credentials.clientId(),
            credentials.clientSecret());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(
            new TokenAnswer(
                token.value(),
                "Bearer",
                token.expiresInSeconds(),
                ServiceAuthProperties.INTERNAL_SCOPE));
  }

  private static Credentials credentials(MultiValueMap<String, String> form, String authorization) {
    String formId = single(form, "client_id");
    String formSecret = single(form, "client_secret");
    if (authorization == null) {
      return new Credentials(formId, formSecret);
    }
    if (formSecret != null) {
      throw ServiceClientRefusedException.invalidRequest();
    }
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw ServiceClientRefusedException.invalidClient();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ServiceClientRefusedException.invalidClient();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw ServiceClientRefusedException.invalidClient();
    }
    // RFC 6749 section 2.3.1: both halves are form-encoded before Base64.
    try {
      return new Credentials(
          URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw ServiceClientRefusedException.invalidClient();
    }
  }

  /** A parameter sent at most once (RFC 6749 section 3.2); twice is an invalid request. */
  private static String single(MultiValueMap<String, String> form, String name) {
    List<String> values = form.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ServiceClientRefusedException.invalidRequest();
    }
    return values.getFirst();
  }
}
