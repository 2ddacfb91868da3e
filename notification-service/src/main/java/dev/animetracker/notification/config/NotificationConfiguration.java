package dev.animetracker.notification.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Service-wide beans; the delivery worker runs on the scheduler enabled here. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
