package dev.animetracker.gateway.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Russian first, English on request. */
@Configuration(proxyBeanMethods = false)
class I18nConfig {

  @Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
  LocaleContextResolver localeContextResolver() {
    return new LanguageResolver();
  }

  /** Remembers an explicit {@code ?lang=} choice in the cookie. */
  @Bean
  WebFilter languageCookieFilter(LocaleContextResolver resolver) {
    return (exchange, chain) -> {
      String requested =
          LanguageResolver.supported(
              exchange.getRequest().getQueryParams().getFirst(LanguageResolver.COOKIE));
      if (requested != null) {
        resolver.setLocaleContext(exchange, resolver.resolveLocaleContext(exchange));
      }
      return chain.filter(exchange);
    };
  }
}
