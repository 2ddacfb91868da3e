package dev.animetracker.search.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A feed parsed by the JDK's namespace-aware, validating-for-well-formedness DOM parser (a
 * malformed document fails the test), queried with XPath; prefixes {@code atom}, {@code nyaa} and
 * {@code torznab} are bound to the real namespaces, so a wrong namespace URI fails too.
 */
final class XmlDoc {

  private static final Map<String, String> NAMESPACES =
      Map.of(
          "atom", "http://www.w3.org/2005/Atom",
          "nyaa", "https://nyaa.si/xmlns/nyaa",
          "torznab", "http://torznab.com/schemas/2015/feed");

  private final Document document;
  private final XPath xpath;

  private XmlDoc(Document document) {
    this.document = document;
    this.xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
          }

          @Override
          public String getPrefix(String namespaceUri) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Iterator<String> getPrefixes(String namespaceUri) {
            throw new UnsupportedOperationException();
          }
        });
  }

  static XmlDoc parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return new XmlDoc(builder.parse(new ByteArrayInputStream(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  Document document() {
    return document;
  }

  /** The string value of an XPath expression ("" when nothing matches). */
  String text(String expression) {
    try {
      return xpath.evaluate(expression, document);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }

  int count(String expression) {
    return nodes(expression).size();
  }

  /** The string values of every matching node. */
  List<String> texts(String expression) {
    return nodes(expression).stream().map(Node::getTextContent).toList();
  }

  List<Node> nodes(String expression) {
    try {
      NodeList list = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < list.getLength(); i++) {
        nodes.add(list.item(i));
      }
      return nodes;
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }
}
