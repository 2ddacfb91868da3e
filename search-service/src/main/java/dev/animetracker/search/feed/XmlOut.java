package dev.animetracker.search.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A UTF-8 XML document built with the JDK's StAX writer (which escapes markup characters in text
 * and attributes). Every text and attribute value first loses the characters XML 1.0 cannot carry
 * at all (control characters, lone surrogates, U+FFFE/U+FFFF), so a hostile title can never make a
 * feed unparseable.
 */
final class XmlOut {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
  private final XMLStreamWriter xml;

  XmlOut() {
    try {
      xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens an element without a namespace prefix. */
  XmlOut start(String name) {
    return run(() -> xml.writeStartElement(name));
  }

  /** Opens an element in a namespace declared on an ancestor with this prefix. */
  XmlOut start(String prefix, String name, String namespace) {
    return run(() -> xml.writeStartElement(prefix, name, namespace));
  }

  /** An empty element ({@code <name/>}) whose attributes may follow. */
  XmlOut empty(String name) {
    return run(() -> xml.writeEmptyElement(name));
  }

  XmlOut empty(String prefix, String name, String namespace) {
    return run(() -> xml.writeEmptyElement(prefix, name, namespace));
  }

  /** Declares a namespace prefix on the element just opened. */
  XmlOut namespace(String prefix, String namespace) {
    return run(() -> xml.writeNamespace(prefix, namespace));
  }

  XmlOut attribute(String name, String value) {
    return run(() -> xml.writeAttribute(name, clean(value)));
  }

  XmlOut attribute(String name, long value) {
    return attribute(name, Long.toString(value));
  }

  XmlOut text(String text) {
    return run(() -> xml.writeCharacters(clean(text)));
  }

  /** {@code <name>text</name>}. */
  XmlOut element(String name, String text) {
    return start(name).text(text).end();
  }

  XmlOut element(String prefix, String name, String namespace, String text) {
    return start(prefix, name, namespace).text(text).end();
  }

  XmlOut end() {
    return run(xml::writeEndElement);
  }

  /** Closes every open element and returns the document. */
  byte[] finish() {
    run(
        () -> {
          xml.writeEndDocument();
          xml.flush();
          xml.close();
        });
    return bytes.toByteArray();
  }

  /** The text without the characters XML 1.0 forbids (its {@code Char} production). */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    int length = text.length();
    int i = 0;
    while (i < length) {
      int cp = text.codePointAt(i);
      if (!allowed(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == length) {
      return text;
    }
    StringBuilder clean = new StringBuilder(length);
    clean.append(text, 0, i);
    while (i < length) {
      int cp = text.codePointAt(i);
      if (allowed(cp)) {
        clean.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return clean.toString();
  }

  private static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private interface XmlStep {
    void run() throws XMLStreamException;
  }

  private XmlOut run(XmlStep step) {
    try {
      step.run();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write XML", e);
    }
    return this;
  }
}
