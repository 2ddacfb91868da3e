package dev.animetracker.gateway.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Fetches one image for the proxy, as an attacker's URL would be fetched safely: http(s) on the
 * allowed ports only; every host resolved through {@link AddressPolicy} inside Netty's resolver, so
 * the address checked is the address dialled (no DNS-rebinding gap) and IP literals are checked
 * before the request; redirects followed by hand, at most {@code maxRedirects}, each checked again;
 * the body counted while it streams and cut off past {@code maxBytes}; the type taken from the
 * magic bytes.
 */
@Component
class ImageFetcher {

  /** What a fetch produced. */
  sealed interface Outcome {}

  /** An image to serve. */
  record Image(ImageType type, byte[] bytes) implements Outcome {}

  /** Refused or unavailable; {@code code} names why (problem code). */
  record Refused(String code) implements Outcome {}

  private record Redirect(String location) {}

  private final MediaProperties properties;

  private final AddressPolicy policy;

  private final HttpClient client;

  ImageFetcher(MediaProperties properties) {
    this.properties = properties;
    this.policy = new AddressPolicy(properties.allowedNetworks());
    this.client =
        // One connection per fetch: a pooled connection to a name would skip the resolver.
        HttpClient.create(ConnectionProvider.newConnection())
            .resolver(new CheckedResolver(policy))
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
            .responseTimeout(properties.totalTimeout())
            .followRedirect(false)
            .headers(
                headers ->
                    headers
                        .set("User-Agent", "animetracker-image-proxy")
                        .set("Accept", "image/avif,image/webp,image/png,image/jpeg,image/gif"));
  }

  Mono<Outcome> fetch(String url) {
    return hop(url, 0)
        .timeout(properties.totalTimeout(), Mono.just(new Refused("media-unavailable")))
        .onErrorResume(RefusedTargetException.class, e -> Mono.just(new Refused("media-refused")))
        .onErrorResume(TooLargeException.class, e -> Mono.just(new Refused("media-too-large")))
        .onErrorResume(e -> Mono.just(new Refused("media-unavailable")));
  }

  private Mono<Outcome> hop(String url, int redirects) {
    Optional<URI> checked = check(url);
    if (checked.isEmpty()) {
      return Mono.just(new Refused("media-refused"));
    }
    URI uri = checked.get();
    long limit = properties.maxBytes().toBytes();
    return client
        .get()
        .uri(uri)
        .response(
            (response, body) -> {
              int status = response.status().code();
              if (status >= 300 && status < 400) {
                String location = response.responseHeaders().get("Location");
                return location == null
                    ? Mono.just(new Refused("media-unavailable"))
                    : Mono.just(new Redirect(uri.resolve(location).toString()));
              }
              if (status != 200) {
                return Mono.just(new Refused("media-unavailable"));
              }
              String length = response.responseHeaders().get("Content-Length");
              if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                return Mono.error(new TooLargeException());
              }
              return body.reduceWith(
                      ByteArrayOutputStream::new, (out, buffer) -> append(out, buffer, limit))
                  .map(
                      out -> {
                        byte[] bytes = out.toByteArray();
                        return ImageType.sniff(bytes)
                            .<Object>map(type -> new Image(type, bytes))
                            .orElse(new Refused("media-type"));
                      });
            })
        .next()
        .flatMap(
            result -> {
              if (result instanceof Redirect(String location)) {
                return redirects >= properties.maxRedirects()
                    ? Mono.just(new Refused("media-refused"))
                    : hop(location, redirects + 1);
              }
              return Mono.just((Outcome) result);
            });
  }

  private static ByteArrayOutputStream append(
      ByteArrayOutputStream out, ByteBuf buffer, long limit) {
    int readable = buffer.readableBytes();
    if (out.size() + (long) readable > limit) {
      // Erroring cancels the body: the rest is never read.
      throw new TooLargeException();
    }
    byte[] chunk = new byte[readable];
    buffer.readBytes(chunk);
    out.writeBytes(chunk);
    return out;
  }

  /**
   * The URL as one we may fetch: absolute http(s), no user info, an allowed port, and an IP literal
   * host must itself be allowed (Netty does not resolve literals).
   */
  Optional<URI> check(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getRawUserInfo() != null
        || uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
    if (!properties.ports().contains(port)) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (isLiteral(host)) {
      try {
        if (!policy.allowed(InetAddress.getByName(host))) {
          return Optional.empty();
        }
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.of(uri);
  }

  private static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+") || host.matches("(?i)0x[0-9a-f.x]+");
  }

  private static final class TooLargeException extends RuntimeException {
    TooLargeException() {
      super("image over the size limit", null, false, false);
    }
  }

  /** Netty's resolver for every connection: the address it returns is the one dialled. */
  private static final class CheckedResolver extends AddressResolverGroup<InetSocketAddress> {

    private final AddressPolicy policy;

    CheckedResolver(AddressPolicy policy) {
      this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
      return new InetNameResolver(executor) {
        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
          lookUp(host, promise, address -> address);
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
          lookUp(host, promise, List::of);
        }
      }.asAddressResolver();
    }

    /**
     * The JDK's lookup blocks for as long as DNS takes, and an uploader chooses the host names in
     * descriptions: it runs off the event loops, so a slow name delays only its own image.
     */
    private <T> void lookUp(String host, Promise<T> promise, Function<InetAddress, T> result) {
      Schedulers.boundedElastic()
          .schedule(
              () -> {
                try {
                  promise.trySuccess(result.apply(policy.resolve(host)));
                } catch (UnknownHostException | RuntimeException e) {
                  promise.tryFailure(e);
                }
              });
    }
  }
}
