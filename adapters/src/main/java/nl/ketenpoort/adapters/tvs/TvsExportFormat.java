package nl.ketenpoort.adapters.tvs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.mapping.NativeVocabulary;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import nl.ketenpoort.schemas.validation.Violation;

/**
 * The TVS export XML ({@value #XSD}): reads an export into a canonical document and
 * writes a canonical document as an export.
 * <p>
 * Reading is defensive, in this order: the parser refuses any DOCTYPE (so no external or
 * recursive entities, no DTD fetches), the document must validate against the XSD, and
 * the mapped document must validate against its canonical schema. Errors name the element
 * and the rule that failed, never a value.
 */
public final class TvsExportFormat {

	/** The partner id. */
	public static final String PARTNER = "tvs";

	/** Classpath location of the export's XML Schema. */
	public static final String XSD = "adapters/tvs/tvs-export.xsd";

	private static final Map<String, DocumentType> ROOTS = Map.of("klantprofiel", DocumentType.of("client-profile"),
			"nt2Leerprofiel", DocumentType.of("nt2-learner-profile"));

	private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

	private final Schema xsd;

	private final DocumentSchemas schemas;

	private final XmlReading reading;

	/**
	 * Creates the format.
	 * @param schemas the canonical schemas, to check mapped documents and read value
	 * types
	 */
	public TvsExportFormat(DocumentSchemas schemas) {
		this.schemas = schemas;
		this.xsd = loadXsd();
		this.reading = new XmlReading(schemas);
	}

	/**
	 * The document types a TVS export holds.
	 * @return client profile and NT2 learner profile
	 */
	public List<DocumentType> types() {
		return List.of(DocumentType.of("client-profile"), DocumentType.of("nt2-learner-profile"));
	}

	/**
	 * Reads one export.
	 * @param xml the export's bytes
	 * @return its type and canonical document, valid against the canonical schema
	 * @throws NativeDocumentInvalid when the bytes are not a valid export
	 */
	public TvsExport read(byte[] xml) {
		Document document = parse(xml);
		validate(document);
		Element root = document.getDocumentElement();
		DocumentType type = ROOTS.get(root.getLocalName());
		ObjectNode canonical = this.reading.read(root, vocabulary(type), type);
		List<Violation> violations = this.schemas.validate(type, canonical);
		if (!violations.isEmpty()) {
			throw new NativeDocumentInvalid(PARTNER, root.getLocalName(), "the mapped " + type
					+ " breaks its canonical schema at " + violations.stream().map(Violation::toString).toList());
		}
		return new TvsExport(type, canonical);
	}

	/**
	 * Writes a canonical document as an export.
	 * @param type client profile or NT2 learner profile
	 * @param canonical the canonical document
	 * @return the export's bytes, UTF-8
	 * @throws DocumentNotMappable when the type is not exported by TVS or a field has no
	 * element
	 */
	public byte[] write(DocumentType type, JsonNode canonical) {
		String rootName = ROOTS.entrySet()
			.stream()
			.filter((root) -> root.getValue() == type)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new DocumentNotMappable(PARTNER, type.code(), "TVS does not export this type"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			writer.writeStartDocument("UTF-8", "1.0");
			writer.writeStartElement(rootName);
			XmlWriting.writeObject(writer, vocabulary(type), canonical, type.code());
			writer.writeEndElement();
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new DocumentNotMappable(PARTNER, type.code(), "the XML could not be written");
		}
		return out.toByteArray();
	}

	private static NativeVocabulary vocabulary(DocumentType type) {
		return type.equals(DocumentType.of("client-profile")) ? TvsVocabularies.clientProfile()
				: TvsVocabularies.learnerProfile();
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilder builder = secureFactory().newDocumentBuilder();
			builder.setErrorHandler(new Refusing(null));
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXException ex) {
			throw new NativeDocumentInvalid(PARTNER, "/", "not well-formed XML or a DOCTYPE (" + rule(ex) + ")");
		}
		catch (IOException | ParserConfigurationException ex) {
			throw new NativeDocumentInvalid(PARTNER, "/", "could not be parsed", ex);
		}
	}

	static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// A DOCTYPE is never part of an export: refusing it outright closes XXE, entity
		// expansion ("billion laughs") and DTD fetching in one go (OWASP XXE cheat
		// sheet).
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	private void validate(Document document) {
		Validator validator = this.xsd.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.setErrorHandler(new Refusing(validator));
			validator.validate(new DOMSource(document));
		}
		catch (InvalidAt ex) {
			throw new NativeDocumentInvalid(PARTNER, ex.location, "does not match tvs-export.xsd (" + ex.rule + ")");
		}
		catch (SAXException | IOException ex) {
			throw new NativeDocumentInvalid(PARTNER, "/", "does not match tvs-export.xsd");
		}
	}

	private static Schema loadXsd() {
		URL resource = TvsExportFormat.class.getClassLoader().getResource(XSD);
		if (resource == null) {
			throw new IllegalStateException(XSD + " is missing from the classpath");
		}
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(resource);
		}
		catch (SAXException ex) {
			throw new IllegalStateException(XSD + " is not a valid XML Schema", ex);
		}
	}

	/**
	 * The parser's messages quote the offending values; only their rule code (e.g.
	 * {@code cvc-pattern-valid}) is safe to pass on.
	 */
	private static String rule(SAXException ex) {
		String message = String.valueOf(ex.getMessage());
		int colon = message.indexOf(':');
		String rule = (colon > 0) ? message.substring(0, colon) : "";
		return rule.matches("[A-Za-z0-9.-]{1,60}") ? rule : "unspecified";
	}

	/**
	 * One TVS export, read and mapped.
	 *
	 * @param type the document type (from the root element)
	 * @param document the canonical document, valid against its schema
	 */
	public record TvsExport(DocumentType type, ObjectNode document) {

	}

	private static final class InvalidAt extends SAXException {

		private final String location;

		private final String rule;

		InvalidAt(String location, String rule) {
			super(rule);
			this.location = location;
			this.rule = rule;
		}

	}

	private static final class Refusing implements ErrorHandler {

		private final @Nullable Validator validator;

		Refusing(@Nullable Validator validator) {
			this.validator = validator;
		}

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			fatalError(exception);
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			if (this.validator == null) {
				throw exception;
			}
			throw new InvalidAt(currentElement(), rule(exception));
		}

		private String currentElement() {
			try {
				if (this.validator.getProperty(CURRENT_ELEMENT) instanceof Element element) {
					StringBuilder path = new StringBuilder();
					for (org.w3c.dom.Node node = element; node instanceof Element; node = node.getParentNode()) {
						path.insert(0, "/" + ((Element) node).getLocalName());
					}
					return path.toString();
				}
			}
			catch (SAXException ex) {
				// The property is a Xerces extension; without it the location stays
				// general.
			}
			return "/";
		}

	}

}
