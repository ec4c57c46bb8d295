package nl.ketenpoort.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;

/**
 * The valid canonical examples the schemas module ships, read from the classpath, and one
 * shared (expensive to compile) {@link DocumentSchemas}.
 */
public final class CanonicalExamples {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DocumentSchemas SCHEMAS = DocumentSchemas.load();

	/** Categories a purpose might allow: enough to keep the required identity fields. */
	public static final Set<String> MINIMAL_PURPOSE = Set.of("identity", "language", "learning", "planning", "exchange",
			"contact");

	private CanonicalExamples() {
	}

	public static DocumentSchemas schemas() {
		return SCHEMAS;
	}

	/** An example of a type with its name. */
	public record Example(DocumentType type, String name, ObjectNode document) {

		public ObjectNode minimised(Set<String> allowed) {
			return SCHEMAS.minimise(this.type, this.document, allowed);
		}

		@Override
		public String toString() {
			return this.type + "/" + this.name;
		}

	}

	public static List<Example> of(DocumentType type) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:examples/" + type.code() + "/valid/*.json");
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			List<Example> examples = new ArrayList<>();
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					examples.add(new Example(type, resource.getFilename(), (ObjectNode) MAPPER.readTree(in)));
				}
			}
			if (examples.isEmpty()) {
				throw new IllegalStateException("No examples of " + type);
			}
			return examples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Example first(DocumentType type) {
		return of(type).get(0);
	}

	public static List<Example> all(Set<DocumentType> types) {
		return types.stream().sorted().flatMap((type) -> of(type).stream()).toList();
	}

	public static JsonNode json(String text) {
		return MAPPER.readTree(text);
	}

}
