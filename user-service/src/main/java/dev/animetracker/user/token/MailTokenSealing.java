package dev.animetracker.user.token;

import dev.animetracker.common.mailtoken.MailTokenConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Mailed tokens leave user-service sealed ({@code MAIL_TOKEN_KEY}); see {@link OneTimeTokens}. */
@Configuration(proxyBeanMethods = false)
@Import(MailTokenConfiguration.class)
class MailTokenSealing {}
