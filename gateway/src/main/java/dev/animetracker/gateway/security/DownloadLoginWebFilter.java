package dev.animetracker.gateway.security;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A visitor's browser opening a download link ({@code /api/torrents/{id}/download}, also reached
 * from Nyaa's {@code /download/{id}.torrent}) is sent to the login page, which says that downloads
 * need an account and comes back to the torrent afterwards; without this the browser showed
 * torrent-service's 401 problem+json. Only page navigations are redirected (the client asks for
 * HTML): API clients, torrent clients and feed readers with {@code apikey} still get the 401.
 */
@Component
class DownloadLoginWebFilter implements WebFilter, Ordered {

  private static final Pattern DOWNLOAD = Pattern.compile("/api/torrents/([0-9]{1,19})/download");

  @Override
  public int getOrder() {
    // After SessionCookieWebFilter (-150) has turned a session cookie into Authorization.
    return -140;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!HttpMethod.GET.equals(request.getMethod())) {
      return chain.filter(exchange);
    }
    Matcher download = DOWNLOAD.matcher(request.getPath().pathWithinApplication().value());
    if (!download.matches()
        || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
        || request.getQueryParams().containsKey("apikey")
        || !navigation(request.getHeaders().getAccept())) {
      return chain.filter(exchange);
    }
    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
    exchange
        .getResponse()
        .getHeaders()
        .setLocation(
            URI.create("/login?reason=download&redirect=%2Ftorrents%2F" + download.group(1)));
    return exchange.getResponse().setComplete();
  }

  /**
   * A browser navigating asks for HTML by name; {@code curl} and clients send {@code *}/{@code *}.
   */
  private static boolean navigation(List<MediaType> accept) {
    return accept.stream()
        .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
  }
}
