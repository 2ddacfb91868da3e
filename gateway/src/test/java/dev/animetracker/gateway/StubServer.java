package dev.animetracker.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A tiny downstream service for tests: records every request and answers from a table. A request no
 * test stubbed gets {@code 404} (as a real service would for a path it does not have), so a call
 * routed to the wrong service or path fails the test instead of passing on a catch-all.
 */
final class StubServer implements AutoCloseable {

  /** A request the stub received. */
  record Recorded(String method, String path, HttpHeaders headers, String body, String query) {

    Recorded(String method, String path, HttpHeaders headers, String body) {
      this(method, path, headers, body, "");
    }
  }

  /** An answer, sent after {@code delay} (a slow service). */
  record Answer(int status, String contentType, String body, Duration delay) {

    Answer(int status, String contentType, String body) {
      this(status, contentType, body, Duration.ZERO);
    }

    Answer after(Duration wait) {
      return new Answer(status, contentType, body, wait);
    }

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }

    static Answer problem(int status, String code, String extra) {
      return new Answer(
          status,
          "application/problem+json",
          "{\"status\":" + status + ",\"code\":\"" + code + "\"" + extra + "}");
    }
  }

  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  private final Map<String, Function<Recorded, Answer>> answers = new ConcurrentHashMap<>();

  private final DisposableServer server;

  private final String name;

  StubServer(String name) {
    this.name = name;
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    request
                        .receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(
                            body -> {
                              HttpHeaders headers = new HttpHeaders();
                              request
                                  .requestHeaders()
                                  .forEach(entry -> headers.add(entry.getKey(), entry.getValue()));
                              String path = request.uri();
                              int query = path.indexOf('?');
                              String bare = query < 0 ? path : path.substring(0, query);
                              Recorded recorded =
                                  new Recorded(
                                      request.method().name(),
                                      bare,
                                      headers,
                                      body,
                                      query < 0 ? "" : path.substring(query + 1));
                              requests.add(recorded);
                              Answer answer =
                                  answers
                                      .getOrDefault(
                                          request.method().name() + " " + bare, r -> notStubbed(r))
                                      .apply(recorded);
                              return Mono.delay(answer.delay())
                                  .then(
                                      response
                                          .status(answer.status())
                                          .header("Content-Type", answer.contentType())
                                          .sendString(Mono.just(answer.body()))
                                          .then());
                            }))
            .bindNow();
  }

  private Answer notStubbed(Recorded request) {
    return Answer.problem(
        404,
        "not-found",
        ",\"detail\":\""
            + name
            + " stub: nothing at "
            + request.method()
            + " "
            + request.path()
            + "\"");
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  void answer(String methodAndPath, Function<Recorded, Answer> answer) {
    answers.put(methodAndPath, answer);
  }

  /** Every request received, in order. */
  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Requests to a path (the JWKS fetches of the gateway are not interesting). */
  List<Recorded> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
