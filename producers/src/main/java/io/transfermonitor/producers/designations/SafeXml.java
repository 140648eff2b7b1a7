package io.transfermonitor.producers.designations;

import java.io.Reader;
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
