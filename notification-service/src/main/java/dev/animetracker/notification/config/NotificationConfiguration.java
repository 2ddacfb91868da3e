package dev.animetracker.notification.config;

import dev.animetracker.common.mailtoken.MailTokenConfiguration;
import dev.animetracker.common.user.UserServiceClientConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Service-wide beans; the delivery worker runs on the scheduler enabled here. Contacts of comment
 * recipients come from common's user-service client ({@code animetracker.user-service.*}); mailed
 * tokens arrive sealed and are opened with {@code MAIL_TOKEN_KEY} ({@code MailTokenConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import({UserServiceClientConfiguration.class, MailTokenConfiguration.class})
class NotificationConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
