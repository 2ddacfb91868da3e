package dev.animetracker.search.watch;

import dev.animetracker.common.mailtoken.MailTokenConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Opens the sealed unsubscribe tokens of release mails: the same {@code MAIL_TOKEN_KEY} as
 * notification-service, which seals them.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailTokenConfiguration.class)
class WatchConfiguration {}
