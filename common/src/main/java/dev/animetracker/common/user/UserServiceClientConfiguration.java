package dev.animetracker.common.user;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user-service client and API key resolver, for the services that call user-service. Not an
 * auto-configuration: a service opts in with {@code @Import(UserServiceClientConfiguration.class)}
 * and sets {@code animetracker.user-service.url: ${USER_SERVICE_URL:http://127.0.0.1:8081}} and
 * {@code animetracker.service-auth.client-id} (calls carry a {@link ServiceTokens} token).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserServiceProperties.class)
@Import(ServiceTokensConfiguration.class)
public class UserServiceClientConfiguration {

  @Bean
  @ConditionalOnMissingBean
  UserServiceClient userServiceClient(
      UserServiceProperties properties,
      JsonMapper mapper,
      ServiceTokens serviceTokens,
      ObjectProvider<RestClient.Builder> restClients) {
    return new UserServiceClient(
        properties, mapper, serviceTokens, restClients.getIfAvailable(RestClient::builder));
  }

  @Bean
  @ConditionalOnMissingBean
  ApiKeys apiKeys(UserServiceClient client, UserServiceProperties properties) {
    return new ApiKeys(client, properties, Clock.systemUTC());
  }
}
