package dev.animetracker.notification.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL over {@code mail_delivery}. */
@Repository
public class MailDeliveryRepository {

  /** The longest error text kept in {@code last_error}. */
  static final int MAX_ERROR_LENGTH = 2000;

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper mapper;

  public MailDeliveryRepository(JdbcClient jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /** Queues a rendered mail, due at once. */
  public void insert(UUID eventId, MailRequest request, RenderedMail mail, Instant now) {
    jdbc.sql(
            """
            insert into mail_delivery (event_id, kind, recipient, locale, subject, text_body,
                                       html_body, headers, status, attempts, next_attempt_at,
                                       created_at)
            values (:eventId, :kind, :recipient, :locale, :subject, :textBody,
                    :htmlBody, cast(:headers as jsonb), 'PENDING', 0, :now, :now)
            """)
        .param("eventId", eventId)
        .param("kind", request.kind())
        .param("recipient", request.recipient())
        .param("locale", request.locale().toLanguageTag())
        .param("subject", mail.subject())
        .param("textBody", mail.textBody())
        .param("htmlBody", mail.htmlBody())
        .param("headers", mapper.writeValueAsString(request.headers()))
        .param("now", utc(now))
        .update();
  }

  /**
   * Locks the most overdue pending mail for the current transaction, skipping rows another worker
   * holds. Must run in a transaction, which then records the outcome.
   */
  public Optional<MailDelivery> lockNextDue(Instant now) {
    return jdbc.sql(
            """
            select id, event_id, kind, recipient, subject, text_body, html_body, attempts,
                   headers::text as headers
              from mail_delivery
             where status = 'PENDING' and next_attempt_at <= :now
             order by next_attempt_at, id
             limit 1
               for update skip locked
            """)
        .param("now", utc(now))
        .query(
            (rs, row) ->
                new MailDelivery(
                    rs.getLong("id"),
                    rs.getObject("event_id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("text_body"),
                    rs.getString("html_body"),
                    rs.getInt("attempts"),
                    mapper.readValue(rs.getString("headers"), HEADERS)))
        .optional();
  }

  /**
   * Records a successful send and drops the bodies: they hold links with live one-time tokens, and
   * the recipient's mailbox is where a mail lives on (recipient, kind and subject stay as the
   * delivery record).
   */
  public void markSent(long id, Instant now) {
    jdbc.sql(
            """
            update mail_delivery
               set status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = null,
                   text_body = '', html_body = '', headers = '{}'::jsonb
             where id = :id
            """)
        .param("id", id)
        .param("now", utc(now))
        .update();
  }

  /** Records a failed attempt to be retried at {@code nextAttemptAt}. */
  public void markRetry(long id, int attempts, Instant nextAttemptAt, String error) {
    jdbc.sql(
            """
            update mail_delivery
               set attempts = :attempts, next_attempt_at = :next, last_error = :error
             where id = :id
            """)
        .param("id", id)
        .param("attempts", attempts)
        .param("next", utc(nextAttemptAt))
        .param("error", truncate(error))
        .update();
  }

  /** Gives a mail up; its bodies are dropped like a sent one's (its link would be stale anyway). */
  public void markFailed(long id, int attempts, String error) {
    jdbc.sql(
            """
            update mail_delivery
               set status = 'FAILED', attempts = :attempts, last_error = :error, failed_at = now(),
                   text_body = '', html_body = '', headers = '{}'::jsonb
             where id = :id
            """)
        .param("id", id)
        .param("attempts", attempts)
        .param("error", truncate(error))
        .update();
  }

  /** Mails still waiting to be sent (due or backing off). */
  public long countPending() {
    return jdbc.sql("select count(*) from mail_delivery where status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
