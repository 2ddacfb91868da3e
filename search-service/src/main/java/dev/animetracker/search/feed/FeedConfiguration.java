package dev.animetracker.search.feed;

import dev.animetracker.common.user.UserServiceClientConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Feeds check API keys through common's user-service client; search-service caches valid keys
 * ({@code animetracker.user-service.key-cache-ttl}, 60 s) because feed readers poll every few
 * minutes and Torznab clients page through results.
 */
@Configuration(proxyBeanMethods = false)
@Import(UserServiceClientConfiguration.class)
class FeedConfiguration {}
