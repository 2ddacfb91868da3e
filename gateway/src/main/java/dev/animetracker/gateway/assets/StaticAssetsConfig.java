package dev.animetracker.gateway.assets;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.CssLinkResourceTransformer;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.resource.ResourceTransformerChain;
import org.springframework.web.reactive.resource.VersionResourceResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The static files (issue 14): pages link them by content hash ({@code /css/site-<md5>.css}, see
 * {@link AssetUrlFilter}), so they can be cached for a year without revalidation; the build's
 * {@code .br}/{@code .gz} siblings are sent to clients that accept them. Replaces Spring Boot's
 * default mapping ({@code spring.web.resources.add-mappings: false}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetsConfig implements WebFluxConfigurer {

  static final String LOCATION = "classpath:/static/";

  /** Hashed URLs never change content: cached by anyone for a year, never revalidated. */
  static final CacheControl HASHED =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  /**
   * Files at addresses fixed from outside (browsers ask for {@code /favicon.ico} by name, crawlers
   * for {@code /robots.txt}): cached a day, since a new release may change them at the same URL.
   */
  static final CacheControl FIXED_NAME = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  static final List<String> FIXED_NAMES = List.of("/favicon.ico", "/robots.txt");

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(FIXED_NAMES.toArray(String[]::new))
        .addResourceLocations(LOCATION)
        .setCacheControl(FIXED_NAME)
        .resourceChain(true)
        .addResolver(new EncodedResourceResolver());
    registry
        .addResourceHandler("/**")
        .addResourceLocations(LOCATION)
        .setCacheControl(HASHED)
        .resourceChain(true)
        // Encoded first, as Spring Boot orders them: the hash is checked on the plain file and the
        // .br/.gz sibling of that file is sent.
        .addResolver(new EncodedResourceResolver())
        .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
        .addTransformer(new CssAsBuilt());
  }

  /**
   * Takes the place of the {@link CssLinkResourceTransformer} Spring adds next to a version
   * resolver. The build already names what the CSS links (the icon font) by content, and Spring
   * would rewrite the links of the plain file only (it leaves .br/.gz alone), so the two would
   * differ and name one font under two URLs.
   */
  static final class CssAsBuilt extends CssLinkResourceTransformer {
    @Override
    public Mono<Resource> transform(
        ServerWebExchange exchange, Resource resource, ResourceTransformerChain chain) {
      return Mono.just(resource);
    }
  }
}
