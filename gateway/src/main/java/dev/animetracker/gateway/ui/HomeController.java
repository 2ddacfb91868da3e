package dev.animetracker.gateway.ui;

import dev.animetracker.gateway.catalog.CatalogDtos.TorrentPage;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.downstream.DownstreamResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The start page: the newest torrents, {@value #PAGE_SIZE} a page ({@code ?page=} is 1-based). The
 * search box keeps {@code q}; full search replaces this listing later.
 */
@Controller
class HomeController {

  static final int PAGE_SIZE = 50;

  private final TorrentServiceClient torrents;

  HomeController(TorrentServiceClient torrents) {
    this.torrents = torrents;
  }

  @GetMapping("/")
  Mono<String> home(
      @RequestParam(defaultValue = "1") String page,
      @RequestParam(required = false) @Nullable String category,
      Model model,
      ServerWebExchange exchange) {
    int number = Listing.page(page);
    String slug = category == null || category.isBlank() ? null : category.trim();
    return torrents
        .list(number - 1, PAGE_SIZE, null, slug, TorrentPagesController.lang(exchange))
        .map(
            result -> {
              if (result instanceof DownstreamResult.Ok<TorrentPage>(TorrentPage value)
                  && value != null) {
                model.addAttribute("listing", Listing.of(value, number, PAGE_SIZE, "/"));
              } else {
                // The start page still renders; the table is replaced by a notice.
                model.addAttribute("listingUnavailable", true);
              }
              return "home";
            });
  }
}
