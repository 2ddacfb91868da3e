package dev.animetracker.gateway.routing;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.problem.GatewayException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request body limits: 11 MiB for torrent uploads, 1 MiB for everything else. A declared
 * Content-Length over the limit is refused before anything is read or forwarded; a chunked body is
 * counted while it streams.
 */
@Component
class RequestSizeWebFilter implements WebFilter, Ordered {

  private final long defaultLimit;

  private final long uploadLimit;

  RequestSizeWebFilter(GatewayProperties properties) {
    this.defaultLimit = properties.requestSize().defaultLimit().toBytes();
    this.uploadLimit = properties.requestSize().uploadLimit().toBytes();
  }

  @Override
  public int getOrder() {
    // Right after Spring Security (-100), so security headers are on the 413 too.
    return -90;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long limit = limitFor(request);
    long declared = request.getHeaders().getContentLength();
    if (declared > limit) {
      return Mono.error(tooLarge(limit));
    }
    if (declared >= 0 || !hasBody(request)) {
      return chain.filter(exchange);
    }
    AtomicLong seen = new AtomicLong();
    ServerHttpRequest counted =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            return super.getBody()
                .handle(
                    (buffer, sink) -> {
                      if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                      } else {
                        sink.next(buffer);
                      }
                    });
          }
        };
    return chain.filter(exchange.mutate().request(counted).build());
  }

  private long limitFor(ServerHttpRequest request) {
    String path = request.getPath().pathWithinApplication().value();
    boolean upload =
        HttpMethod.POST.equals(request.getMethod())
            && ("/api/torrents".equals(path) || "/upload".equals(path));
    return upload ? uploadLimit : defaultLimit;
  }

  private static boolean hasBody(ServerHttpRequest request) {
    return request.getHeaders().containsHeader("Transfer-Encoding");
  }

  private static GatewayException tooLarge(long limit) {
    return new GatewayException(
        HttpStatus.CONTENT_TOO_LARGE,
        "too-large",
        "The request body is larger than the allowed " + limit + " bytes.");
  }
}
