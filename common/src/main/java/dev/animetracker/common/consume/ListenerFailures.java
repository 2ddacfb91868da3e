package dev.animetracker.common.consume;

import dev.animetracker.common.user.UserServiceUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.core.JacksonException;

/**
 * The one error policy of every Kafka listener: outages are waited out, everything else ends on the
 * topic's dead-letter twin ({@code <topic>.DLT}) after a bounded number of attempts, counted by
 * {@value #DEAD_LETTERED} (alert on it) and logged with the record's coordinates.
 */
public final class ListenerFailures {

  /** Counter of records parked on a dead-letter topic, tagged {@code topic} and {@code reason}. */
  public static final String DEAD_LETTERED = "animetracker.events.dead.lettered";

  /** The suffix of dead-letter topics. */
  public static final String DLT_SUFFIX = ".DLT";

  private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

  private ListenerFailures() {}

  /**
   * The error handler: dead-letter publishing through {@code template}, metrics in {@code meters}.
   */
  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> template, MeterRegistry meters, ConsumerProperties settings) {
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            template, (record, exception) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, exception) -> {
              String reason = isPoison(exception) ? "poison" : "failed";
              log.error(
                  "Dead-lettering event {}@{} on {} ({}): {}",
                  record.offset(),
                  record.partition(),
                  record.topic(),
                  reason,
                  exception.getMessage());
              deadLetters.accept(record, exception);
              Counter.builder(DEAD_LETTERED)
                  .description("Events parked on a dead-letter topic")
                  .tag("topic", record.topic())
                  .tag("reason", reason)
                  .register(meters)
                  .increment();
            },
            bounded(settings));
    handler.setBackOffFunction(
        (ConsumerRecord<?, ?> record, Exception exception) ->
            isOutage(exception) ? unbounded(settings) : bounded(settings));
    handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class);
    return handler;
  }

  /** Whether the failure says something the listener needs is down, not that the record is bad. */
  static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof RecoverableDataAccessException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException
          || cause instanceof ResourceAccessException
          || cause instanceof UserServiceUnavailableException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean isPoison(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PoisonEventException || cause instanceof JacksonException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static BackOff bounded(ConsumerProperties settings) {
    ExponentialBackOff backOff = exponential(settings);
    backOff.setMaxAttempts(settings.attempts() - 1);
    return backOff;
  }

  private static BackOff unbounded(ConsumerProperties settings) {
    return exponential(settings);
  }

  private static ExponentialBackOff exponential(ConsumerProperties settings) {
    ExponentialBackOff backOff = new ExponentialBackOff(settings.initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(settings.maxInterval().toMillis());
    return backOff;
  }
}
