package dev.animetracker.common.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A store that cannot answer right now is a 503 the client may retry, not a 500: the make-cluster
 * fault run saw a login answered 500 while a Redis master failed over ({@code CLUSTERDOWN}).
 */
class ProblemHandlerTests {

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
      MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new Handler()).build();

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
