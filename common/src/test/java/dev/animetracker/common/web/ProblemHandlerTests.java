package dev.animetracker.common.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A store that cannot answer right now is a 503 the client may retry, not a 500: the make-cluster
 * fault run saw a login answered 500 while a Redis master failed over ({@code CLUSTERDOWN}). And
 * problems carry what a client needs to say them in its own language: {@code code} plus {@code
 * args}, and {@code errors[]} of field, code and args (issue 14).
 */
class ProblemHandlerTests {

  record Comment(
      @NotBlank @Size(max = 300) String text,
      @Size(min = 8) String password,
      @Pattern(regexp = "[a-z]+") String slug) {}

  @RestController
  static class Validating {
    @PostMapping("/comments")
    String comment(@Valid @RequestBody Comment comment) {
      return "ok";
    }

    @GetMapping("/refuse")
    String refuse() {
      throw new DomainException(
          HttpStatus.TOO_MANY_REQUESTS,
          "upload-quota-exceeded",
          "At most 5 uploads an hour.",
          Map.of("retryAfter", 60),
          Map.of("limit", 5));
    }
  }

  @RestController
  static class Failing {
    @GetMapping("/fail/{how}")
    String fail(@PathVariable String how) {
      throw switch (how) {
        // What Spring Data Redis throws for an error reply: uncategorized, the reply as the cause.
        case "clusterdown" ->
            new IllegalStateException(
                "Error in execution", new RuntimeException("CLUSTERDOWN The cluster is down"));
        case "connection" -> new DataAccessResourceFailureException("Unable to connect to Redis");
        case "timeout" -> new QueryTimeoutException("Redis command timed out");
        case "script" ->
            new IllegalStateException(
                "Error in execution", new RuntimeException("ERR user_script:1: bad argument"));
        default -> new IllegalStateException("a bug");
      };
    }
  }

  @RestControllerAdvice
  static class Handler extends ProblemHandler {}

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing(), new Validating())
          .setControllerAdvice(new Handler())
          .build();

  @Test
  void fieldErrorsCarryTheirCodeAndTheConstraintsValuesButNoRegexOrUnboundedSide()
      throws Exception {
    mvc.perform(
            post("/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"text\":\""
                        + "x".repeat(301)
                        + "\",\"password\":\"short\","
                        + "\"slug\":\"NOT-A-SLUG\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation-failed"))
        .andExpect(jsonPath("$.errors[?(@.field == 'text')].code").value("Size"))
        .andExpect(jsonPath("$.errors[?(@.field == 'text')].args.max").value(300))
        .andExpect(jsonPath("$.errors[?(@.field == 'text')].args.min").value(0))
        .andExpect(jsonPath("$.errors[?(@.field == 'password')].args.min").value(8))
        .andExpect(jsonPath("$.errors[?(@.field == 'password')].args.max").doesNotExist())
        .andExpect(jsonPath("$.errors[?(@.field == 'slug')].code").value("Pattern"))
        .andExpect(jsonPath("$.errors[?(@.field == 'slug')].args.regexp").doesNotExist());
  }

  @Test
  void aDomainProblemCarriesItsArgsBesideItsProperties() throws Exception {
    mvc.perform(get("/refuse"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("upload-quota-exceeded"))
        .andExpect(jsonPath("$.args.limit").value(5))
        .andExpect(jsonPath("$.retryAfter").value(60));
  }

  @Test
  void aStoreOutageIsARetryable503() throws Exception {
    for (String how : new String[] {"clusterdown", "connection", "timeout"}) {
      mvc.perform(get("/fail/" + how))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "2"))
          .andExpect(jsonPath("$.code").value("temporarily-unavailable"));
    }
  }

  @Test
  void aBugIsStillA500WithoutItsStackTrace() throws Exception {
    for (String how : new String[] {"script", "bug"}) {
      mvc.perform(get("/fail/" + how))
          .andExpect(status().isInternalServerError())
          .andExpect(jsonPath("$.code").value("internal-error"))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      org.hamcrest.Matchers.not(
                          org.hamcrest.Matchers.containsString("user_script"))));
    }
  }
}
