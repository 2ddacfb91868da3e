package dev.animetracker.gateway.ui.stats;

import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.stats.StatsClient;
import dev.animetracker.gateway.stats.StatsDtos.MailDay;
import dev.animetracker.gateway.stats.StatsDtos.MailStats;
import dev.animetracker.gateway.stats.StatsDtos.SearchDay;
import dev.animetracker.gateway.stats.StatsDtos.SearchStats;
import dev.animetracker.gateway.stats.StatsDtos.TorrentDay;
import dev.animetracker.gateway.stats.StatsDtos.TorrentStats;
import dev.animetracker.gateway.ui.support.UiContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /moderation/stats}: the site's activity for moderators and operators. Security lets only
 * moderators in; each service's part is asked for in parallel and shown as it arrived, a part that
 * failed or timed out as "unavailable" (never an error page), while a refusal of the token (401,
 * 403) by any service is the login or the 403 page.
 */
@Controller
class StatsPageController {

  /** The windows offered; any other {@code days} shows the default. */
  static final List<Integer> DAY_CHOICES = List.of(7, 30, 90);

  static final int DEFAULT_DAYS = 30;

  private static final String PATH = "/moderation/stats";

  private final StatsClient stats;

  StatsPageController(StatsClient stats) {
    this.stats = stats;
  }

  @GetMapping(PATH)
  Mono<String> stats(
      @RequestParam(required = false) String days, Model model, ServerWebExchange exchange) {
    int window = window(days);
    model.addAttribute("days", window);
    model.addAttribute("dayChoices", DAY_CHOICES);
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                Mono.zip(
                        stats.torrents(token, window),
                        stats.searches(token, window),
                        stats.mail(token, window))
                    .map(
                        parts -> {
                          refused(parts.getT1(), parts.getT2(), parts.getT3());
                          TorrentStats torrents = value(parts.getT1());
                          SearchStats searches = value(parts.getT2());
                          MailStats mail = value(parts.getT3());
                          model.addAttribute("torrentStats", torrents);
                          model.addAttribute("searchStats", searches);
                          model.addAttribute("mailStats", mail);
                          model.addAttribute("charts", charts(torrents, searches, mail));
                          return "moderation-stats";
                        }))
        .onErrorResume(LoginNeeded.class, e -> Mono.just("redirect:/login?redirect=" + PATH))
        .switchIfEmpty(Mono.fromSupplier(() -> "redirect:/login?redirect=" + PATH));
  }

  /** The charts of the parts that arrived, by name. */
  static Map<String, Chart> charts(
      @Nullable TorrentStats torrents, @Nullable SearchStats searches, @Nullable MailStats mail) {
    Map<String, Chart> charts = new HashMap<>();
    if (torrents != null) {
      charts.put(
          "torrents",
          Chart.of(
              "torrents",
              "stats.torrents.caption",
              List.of("stats.uploads", "stats.downloads"),
              torrents.days(),
              TorrentDay::day,
              d -> List.of(d.uploads(), d.downloads())));
      charts.put(
          "swarms",
          Chart.of(
              "swarms",
              "stats.swarms.caption",
              List.of("stats.swarms.active", "stats.swarms.peers"),
              torrents.days(),
              TorrentDay::day,
              d -> List.of(d.peakSwarms(), d.peakPeers())));
    }
    if (searches != null) {
      charts.put(
          "search",
          Chart.of(
              "search",
              "stats.search.caption",
              List.of("stats.searches"),
              searches.days(),
              SearchDay::day,
              d -> List.of(d.searches())));
    }
    if (mail != null) {
      charts.put(
          "mail",
          Chart.of(
              "mail",
              "stats.mail.caption",
              List.of("stats.mail.queued", "stats.mail.sent", "stats.mail.failed"),
              mail.days(),
              MailDay::day,
              d -> List.of(d.queued(), d.sent(), d.failed())));
    }
    return charts;
  }

  private static int window(@Nullable String raw) {
    try {
      int days = raw == null ? DEFAULT_DAYS : Integer.parseInt(raw.strip());
      return DAY_CHOICES.contains(days) ? days : DEFAULT_DAYS;
    } catch (NumberFormatException e) {
      return DEFAULT_DAYS;
    }
  }

  /** A token every service should accept was refused: the login (expired) or the 403 page. */
  private static void refused(DownstreamResult<?>... parts) {
    Stream.of(parts)
        .forEach(
            part -> {
              if (part instanceof DownstreamResult.Failed<?> failed) {
                if (failed.status() == 401) {
                  throw new LoginNeeded();
                }
                if (failed.status() == 403) {
                  throw new GatewayException(HttpStatus.FORBIDDEN, "forbidden", failed.detail());
                }
              }
            });
  }

  /** The part's body, or null when it is unavailable (the template says so). */
  private static <T> @Nullable T value(DownstreamResult<T> part) {
    return part instanceof DownstreamResult.Ok<T>(T value) ? value : null;
  }

  /** A service found the token expired or revoked. */
  private static final class LoginNeeded extends RuntimeException {
    LoginNeeded() {
      super(null, null, false, false);
    }
  }
}
