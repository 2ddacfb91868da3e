package dev.animetracker.gateway.media;

import dev.animetracker.common.mediaproxy.MediaProxyConfiguration;
import dev.animetracker.common.mediaproxy.MediaProxySigner;
import dev.animetracker.gateway.media.ImageFetcher.Image;
import dev.animetracker.gateway.media.ImageFetcher.Refused;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter.Limit;
import dev.animetracker.gateway.ratelimit.ClientIpResolver;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /media/image?u=<url>&s=<signature>}: an image of a description, fetched by us so the
 * pages' CSP ({@code img-src 'self' data:}) allows it. Only URLs torrent-service signed are fetched
 * (no open relay); refusals are problem+json 4xx.
 */
@RestController
@Import(MediaProxyConfiguration.class)
@EnableConfigurationProperties(MediaProperties.class)
class MediaProxyController {

  /** Longer URLs are not images in a description; refusing them bounds the signature work. */
  private static final int MAX_URL = 2048;

  private final MediaProxySigner signer;

  private final ImageCache cache;

  private final AuthRateLimiter limiter;

  private final ClientIpResolver clientIp;

  MediaProxyController(
      MediaProxySigner signer,
      ImageCache cache,
      AuthRateLimiter limiter,
      ClientIpResolver clientIp) {
    this.signer = signer;
    this.cache = cache;
    this.limiter = limiter;
    this.clientIp = clientIp;
  }

  @GetMapping(MediaProxySigner.PATH)
  Mono<ResponseEntity<byte[]>> image(
      @RequestParam(required = false) @Nullable String u,
      @RequestParam(required = false) @Nullable String s,
      ServerWebExchange exchange) {
    if (u == null || s == null || u.length() > MAX_URL || s.length() > 64 || !signer.verify(u, s)) {
      return Mono.error(
          new GatewayException(
              HttpStatus.FORBIDDEN, "media-signature", "The image address is not signed by us."));
    }
    return limiter
        .check(Limit.MEDIA_IP, clientIp.resolve(exchange))
        .flatMap(
            decision -> {
              if (!decision.allowed()) {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                return Mono.error(
                    new GatewayException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "rate-limited",
                        "Too many images; try again in "
                            + decision.retryAfterSeconds()
                            + " seconds.",
                        headers));
              }
              return cache.get(u);
            })
        .map(
            outcome ->
                switch (outcome) {
                  case Image image ->
                      ResponseEntity.ok()
                          .contentType(MediaType.parseMediaType(image.type().mediaType()))
                          .header("X-Content-Type-Options", "nosniff")
                          .header("Content-Security-Policy", "default-src 'none'")
                          .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                          .body(image.bytes());
                  case Refused refused -> throw refusal(refused.code());
                });
  }

  private static GatewayException refusal(String code) {
    return switch (code) {
      case "media-too-large" ->
          new GatewayException(
              HttpStatus.PAYLOAD_TOO_LARGE, code, "The image is larger than we serve.");
      case "media-type" ->
          new GatewayException(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              code,
              "Only PNG, JPEG, GIF, WebP and AVIF images are served.");
      case "media-refused" ->
          new GatewayException(
              HttpStatus.FORBIDDEN, code, "The image's address is not one we fetch from.");
      default ->
          new GatewayException(HttpStatus.NOT_FOUND, code, "The image could not be fetched.");
    };
  }
}
