package dev.animetracker.notification;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.testsupport.Infrastructure;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Helpers of the mail integration tests: publishing events and reading what SMTP received. */
final class MailTesting {

  private MailTesting() {}

  /** A producer on the test Kafka broker. */
  static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Infrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  /** Publishes a raw record to {@code user-events} and waits for the broker's acknowledgement. */
  static void publish(KafkaProducer<String, String> producer, String key, String value) {
    publish(producer, Topics.USER_EVENTS, key, value);
  }

  /** Publishes a raw record to a topic and waits for the broker's acknowledgement. */
  static void publish(
      KafkaProducer<String, String> producer, String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + topic, e);
    }
  }

  /**
   * The text of one part of a multipart message (0: text/plain, 1: text/html), with the CRLF line
   * ends of SMTP turned back into LF.
   */
  static String part(MimeMessage message, int index) {
    try {
      return String.valueOf(((Multipart) message.getContent()).getBodyPart(index).getContent())
          .replace("\r\n", "\n");
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON of an envelope around a common payload record. */
  static String json(EventEnvelope envelope, JsonMapper mapper) {
    return mapper.writeValueAsString(envelope);
  }

  /** A recipient address no other test uses. */
  static String uniqueAddress(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  /** The messages the server received for one recipient. */
  static List<MimeMessage> messagesTo(GreenMail greenMail, String address) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> isAddressedTo(message, address))
        .toList();
  }

  /** The concatenated text of every part of a message. */
  static String content(MimeMessage message) {
    try {
      return content(message.getContent());
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The content types of the parts of a multipart message. */
  static List<String> partTypes(MimeMessage message) {
    try {
      Multipart multipart = (Multipart) message.getContent();
      String[] types = new String[multipart.getCount()];
      for (int i = 0; i < types.length; i++) {
        types[i] = multipart.getBodyPart(i).getContentType();
      }
      return List.of(types);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String content(Object content) throws IOException, MessagingException {
    if (content instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        text.append(content(part.getContent())).append('\n');
      }
      return text.toString();
    }
    return String.valueOf(content);
  }

  private static boolean isAddressedTo(MimeMessage message, String address) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients != null
          && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
