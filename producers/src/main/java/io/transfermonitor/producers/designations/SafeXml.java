package io.transfermonitor.producers.designations;

import java.io.Reader;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never expand or fetch an entity (the OWASP XML guidance): DTD support and
 * external entities are off, a resolver refuses any external resource should the parser still ask
 * for one, and the list reader refuses a DOCTYPE the moment the parser reports it, before any
 * entity in it could be referenced. The UN lists have no DOCTYPE, so nothing legitimate is lost.
 */
final class SafeXml {

  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  static XMLStreamReader reader(Reader characters) throws XMLStreamException {
    synchronized (FACTORY) {
      return FACTORY.createXMLStreamReader(characters);
    }
  }

  /**
   * The refusal of a document that is not well-formed even after {@code repairs}: names the file
   * and the parser's line and column, and the spots mended before it, which may explain it.
   */
  static ListFormatException notWellFormed(
      String name, XMLStreamException e, List<Repair> repairs) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    StringBuilder text =
        new StringBuilder(name)
            .append(": not well-formed XML: ")
            .append(message.replaceAll("\\s*\\R\\s*", " ").strip());
    if (!repairs.isEmpty()) {
      text.append("; mended before it:");
      repairs.forEach(
          r -> text.append(System.lineSeparator()).append("  ").append(r.describe(name)));
    }
    return new ListFormatException(text.toString(), e);
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return factory;
  }
}
