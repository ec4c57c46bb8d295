package nl.ketenpoort.adapters.tvs;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.JsonNode;

import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.mapping.NativeVocabulary;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Codes;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Entry;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Flattened;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Listed;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Nested;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Scalar;

/**
 * Writes a canonical object as TVS elements, in vocabulary order (the XSD's sequence);
 * absent properties write no element.
 */
final class XmlWriting {

	private XmlWriting() {
	}

	static void writeObject(XMLStreamWriter writer, NativeVocabulary vocabulary, JsonNode object, String path)
			throws XMLStreamException {
		if (!object.isObject()) {
			throw new DocumentNotMappable(TvsExportFormat.PARTNER, path, "expected an object");
		}
		for (String name : object.propertyNames()) {
			if (vocabulary.byCanonical(name).isEmpty()) {
				throw new DocumentNotMappable(TvsExportFormat.PARTNER, path + "." + name, "has no TVS element");
			}
		}
		for (Entry entry : vocabulary.entries()) {
			JsonNode value = object.get(entry.canonical());
			if (value == null || value.isNull()) {
				continue;
			}
			String at = path + "." + entry.canonical();
			if (entry instanceof Scalar scalar) {
				element(writer, scalar.nativeName(), value, scalar.codes(), at);
			}
			else if (entry instanceof Nested nested) {
				writer.writeStartElement(nested.nativeName());
				writeObject(writer, nested.vocabulary(), value, at);
				writer.writeEndElement();
			}
			else if (entry instanceof Listed listed) {
				if (!value.isArray()) {
					throw new DocumentNotMappable(TvsExportFormat.PARTNER, at, "expected a list");
				}
				writer.writeStartElement(listed.nativeName());
				for (JsonNode item : value) {
					if (listed.items() != null) {
						writer.writeStartElement(listed.itemName());
						writeObject(writer, listed.items(), item, at);
						writer.writeEndElement();
					}
					else {
						element(writer, listed.itemName(), item, listed.codes(), at);
					}
				}
				writer.writeEndElement();
			}
			else if (entry instanceof Flattened flattened) {
				writeObject(writer, flattened.vocabulary(), value, at);
			}
		}
	}

	private static void element(XMLStreamWriter writer, String name, JsonNode value, Codes codes, String at)
			throws XMLStreamException {
		if (value.isContainer()) {
			throw new DocumentNotMappable(TvsExportFormat.PARTNER, at, "expected a single value");
		}
		// Numbers in plain notation: xs:decimal has no exponent.
		String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
		writer.writeStartElement(name);
		writer.writeCharacters(codes.toNative(text)
			.orElseThrow(() -> new DocumentNotMappable(TvsExportFormat.PARTNER, at, "code is not in the code list")));
		writer.writeEndElement();
	}

}
