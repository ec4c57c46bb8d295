package nl.ketenpoort.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document types on a class path: every {@code schemas/<code>.schema.json} whose root
 * carries an {@code x-document-type} member with its {@code order} and its {@code titles}
 * per language. Read once; immutable and safe to share between threads.
 */
public final class DocumentTypes {

	/** The schema member that makes a schema a document type. */
	public static final String MARKER = "x-document-type";

	/** The language every document type has a title in and others fall back to. */
	public static final String FALLBACK_LANGUAGE = "nl";

	private static final String DIRECTORY = "schemas";

	private static final String SUFFIX = ".schema.json";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Map<String, Entry> entries;

	private final List<DocumentType> all;

	private DocumentTypes(Map<String, Entry> entries) {
		this.entries = Map.copyOf(entries);
		this.all = entries.values()
			.stream()
			.sorted(Comparator.comparingInt(Entry::order).thenComparing((entry) -> entry.type().code()))
			.map(Entry::type)
			.toList();
	}

	/**
	 * The document types shipped on the class path of this library.
	 * @return the shipped types
	 */
	public static DocumentTypes shipped() {
		return Shipped.TYPES;
	}

	/**
	 * Reads the document types a class loader sees under {@code schemas/}.
	 * @param loader the class loader whose resources to read
	 * @return the document types
	 * @throws IllegalStateException when a declaration is broken, or none is found
	 */
	public static DocumentTypes load(ClassLoader loader) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (String code : schemaCodes(loader)) {
			JsonNode schema = read(loader, DIRECTORY + "/" + code + SUFFIX);
			JsonNode declaration = (schema != null) ? schema.get(MARKER) : null;
			if (declaration == null) {
				continue;
			}
			entries.put(code, entry(code, declaration));
		}
		if (entries.isEmpty()) {
			throw new IllegalStateException("No schema under " + DIRECTORY + "/ declares " + MARKER);
		}
		return new DocumentTypes(entries);
	}

	/**
	 * Every document type, in declared order.
	 * @return the types
	 */
	public List<DocumentType> all() {
		return this.all;
	}

	/**
	 * The document type with this code.
	 * @param code the code
	 * @return the type, empty when none is declared with this code
	 */
	public Optional<DocumentType> find(String code) {
		return Optional.ofNullable(this.entries.get(code)).map(Entry::type);
	}

	/**
	 * The title of a document type in a language, falling back to Dutch.
	 * @param type the type
	 * @param language ISO 639-1 code
	 * @return the title, or the code for a type not declared here
	 */
	public String title(DocumentType type, String language) {
		Entry entry = this.entries.get(type.code());
		if (entry == null) {
			return type.code();
		}
		String title = entry.titles().get(language);
		return (title != null) ? title : entry.titles().get(FALLBACK_LANGUAGE);
	}

	/**
	 * Every title of a document type, by language.
	 * @param type the type
	 * @return the titles its schema declares, empty for a type not declared here
	 */
	public Map<String, String> titles(DocumentType type) {
		Entry entry = this.entries.get(type.code());
		return (entry != null) ? entry.titles() : Map.of();
	}

	int order(DocumentType type) {
		Entry entry = this.entries.get(type.code());
		return (entry != null) ? entry.order() : Integer.MAX_VALUE;
	}

	private static Entry entry(String code, JsonNode declaration) {
		JsonNode order = declaration.path("order");
		JsonNode titles = declaration.path("titles");
		if (!order.isInt() || !titles.isObject() || !titles.path(FALLBACK_LANGUAGE).isString()) {
			throw new IllegalStateException("Schema " + code + SUFFIX + ": " + MARKER
					+ " needs an integer 'order' and 'titles' with at least '" + FALLBACK_LANGUAGE + "'");
		}
		Map<String, String> byLanguage = new LinkedHashMap<>();
		titles.properties().forEach((title) -> byLanguage.put(title.getKey(), title.getValue().asString()));
		return new Entry(new DocumentType(code), order.intValue(), Map.copyOf(byLanguage));
	}

	/**
	 * The codes of every schema file under {@code schemas/}, in every directory and jar.
	 */
	private static TreeSet<String> schemaCodes(ClassLoader loader) {
		TreeSet<String> codes = new TreeSet<>();
		try {
			Enumeration<URL> roots = loader.getResources(DIRECTORY);
			while (roots.hasMoreElements()) {
				for (String name : fileNames(roots.nextElement())) {
					if (name.endsWith(SUFFIX)) {
						codes.add(name.substring(0, name.length() - SUFFIX.length()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return codes;
	}

	private static List<String> fileNames(URL directory) throws IOException {
		if ("file".equals(directory.getProtocol())) {
			try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
				return files.map((file) -> file.getFileName().toString()).toList();
			}
			catch (URISyntaxException ex) {
				throw new IOException("Not a file location: " + directory, ex);
			}
		}
		URLConnection connection = directory.openConnection();
		if (!(connection instanceof JarURLConnection jar)) {
			// Neither a directory nor a jar (no Ketenpoort build puts schemas there): if
			// the document types were there, load() finds none and says so.
			return List.of();
		}
		// A directory inside a jar (also a nested one in a Spring Boot jar): its entries.
		connection.setUseCaches(false);
		String prefix = jar.getEntryName().endsWith("/") ? jar.getEntryName() : jar.getEntryName() + "/";
		List<String> names = new ArrayList<>();
		try (JarFile file = jar.getJarFile()) {
			for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
				String name = entries.nextElement().getName();
				if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
					names.add(name.substring(prefix.length()));
				}
			}
		}
		return names;
	}

	/**
	 * The schema, or {@code null} for a file that is not JSON and does not mention the
	 * marker: another library's {@code schemas/} directory must not stop the gateway, a
	 * broken document type must.
	 */
	private static @Nullable JsonNode read(ClassLoader loader, String resource) {
		byte[] content;
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Schema resource " + resource + " is not on the classpath");
			}
			content = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return MAPPER.readTree(content);
		}
		catch (JacksonException ex) {
			if (new String(content, StandardCharsets.UTF_8).contains(MARKER)) {
				throw new IllegalStateException("Schema resource " + resource + " is not valid JSON", ex);
			}
			return null;
		}
	}

	private record Entry(DocumentType type, int order, Map<String, String> titles) {

	}

	/** Loaded on first use, once. */
	private static final class Shipped {

		static final DocumentTypes TYPES = load(DocumentTypes.class.getClassLoader());

	}

}
