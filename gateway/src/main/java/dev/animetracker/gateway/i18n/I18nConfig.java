package dev.animetracker.gateway.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;
import reactor.core.publisher.Mono;

/** Russian first, English on request. */
@Configuration(proxyBeanMethods = false)
class I18nConfig {

  @Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
  LocaleContextResolver localeContextResolver() {
    return new LanguageResolver();
  }

  /**
   * Remembers an explicit {@code ?lang=} choice in the cookie. Pages are in the language {@code
   * Accept-Language} asks for until a choice is made, so their HTML says {@code Vary:
   * Accept-Language} to shared caches.
   */
  @Bean
  WebFilter languageCookieFilter(LocaleContextResolver resolver) {
    return (exchange, chain) -> {
      String requested =
          LanguageResolver.supported(
              exchange.getRequest().getQueryParams().getFirst(LanguageResolver.COOKIE));
      if (requested != null) {
        resolver.setLocaleContext(exchange, resolver.resolveLocaleContext(exchange));
      }
      exchange
          .getResponse()
          .beforeCommit(
              () -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                MediaType type = headers.getContentType();
                if (type != null
                    && type.isCompatibleWith(MediaType.TEXT_HTML)
                    && !headers.getVary().contains(HttpHeaders.ACCEPT_LANGUAGE)) {
                  headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
                }
                return Mono.empty();
              });
      return chain.filter(exchange);
    };
  }
}
