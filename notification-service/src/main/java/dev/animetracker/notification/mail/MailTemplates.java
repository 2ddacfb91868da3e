package dev.animetracker.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails from {@code classpath:mail/templates/<kind>.txt} (Thymeleaf TEXT mode) and {@code
 * <kind>.html} (HTML mode, escaped) with texts from {@code mail/mail_messages*.properties} (Russian
 * default, English). Uses an engine and message source of its own, independent of any web views.
 */
@Component
public class MailTemplates {

  static final String MESSAGES = "mail/mail_messages";

  private final SpringTemplateEngine engine;
  private final MessageSource messages;

  public MailTemplates() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename(MESSAGES);
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(false);
    source.setAlwaysUseMessageFormat(true);
    this.messages = source;

    SpringTemplateEngine templateEngine = new SpringTemplateEngine();
    templateEngine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    templateEngine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    templateEngine.setTemplateEngineMessageSource(source);
    this.engine = templateEngine;
  }

  /** Renders subject, text and HTML body of the request in its locale. */
  public RenderedMail render(MailRequest request) {
    Context context = new Context(request.locale(), request.variables());
    String subject =
        messages.getMessage(
            request.kind() + ".subject", request.subjectArguments().toArray(), request.locale());
    String text = engine.process(request.kind() + ".txt", context);
    String html = engine.process(request.kind() + ".html", context);
    return new RenderedMail(subject, text, html);
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/templates/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
