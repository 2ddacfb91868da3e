package dev.animetracker.notification.config;

import dev.animetracker.common.user.UserServiceClientConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Service-wide beans; the delivery worker runs on the scheduler enabled here. Contacts of comment
 * recipients come from common's user-service client ({@code animetracker.user-service.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import(UserServiceClientConfiguration.class)
class NotificationConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
