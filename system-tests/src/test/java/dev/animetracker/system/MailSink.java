package dev.animetracker.system;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * Reads the development mail sink over IMAP the way the contract describes: login = the recipient.
 */
final class MailSink {

  /** A received mail reduced to what tests look at. */
  record Mail(String subject, String text) {

    /** The token of the first link ending in the given path, e.g. {@code /verify-email}. */
    String tokenOf(String path) {
      Matcher matcher =
          Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_\\-.~%]+)").matcher(text);
      if (!matcher.find()) {
        throw new AssertionError("No " + path + " link in mail '" + subject + "':\n" + text);
      }
      return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private MailSink() {}

  /** All mails delivered to the address so far. */
  static List<Mail> inbox(String address) {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "5000");
    Session session = Session.getInstance(properties);
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", Stack.imapPort(), address, "any-password");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<Mail> mails = new ArrayList<>();
      for (Message message : inbox.getMessages()) {
        mails.add(new Mail(message.getSubject(), textOf(message)));
      }
      inbox.close(false);
      return mails;
    } catch (MessagingException | IOException e) {
      // An address that never received mail may not have a mailbox yet.
      return List.of();
    }
  }

  /** Waits for the n-th mail (1-based) to the address and returns it. */
  static Mail awaitMail(String address, int count, Duration timeout) {
    List<List<Mail>> holder = new ArrayList<>();
    Awaitility.await("mail #" + count + " to " + address)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              List<Mail> mails = inbox(address);
              holder.clear();
              holder.add(mails);
              return mails.size() >= count;
            });
    return holder.getFirst().get(count - 1);
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(textOf(multipart.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    return "";
  }
}
