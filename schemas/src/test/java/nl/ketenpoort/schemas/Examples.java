package nl.ketenpoort.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example documents shipped under {@code examples/<code>/valid} and
 * {@code examples/<code>/invalid}, the latter with the failure each one must cause.
 */
public final class Examples {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Examples() {
	}

	/** A valid example. */
	public record Valid(CanonicalSchema schema, String name, String json) {

		@Override
		public String toString() {
			return this.schema.code() + "/" + this.name;
		}

	}

	/** An invalid example and the pointer and keyword it must fail at. */
	public record Invalid(CanonicalSchema schema, String name, String json, String pointer, String keyword) {

		@Override
		public String toString() {
			return this.schema.code() + "/" + this.name;
		}

	}

	public static Stream<Valid> valid() {
		List<Valid> examples = new ArrayList<>();
		for (CanonicalSchema schema : SchemaResources.all()) {
			for (Path file : jsonFiles(directory(schema).resolve("valid"))) {
				examples.add(new Valid(schema, file.getFileName().toString(), read(file)));
			}
		}
		return examples.stream();
	}

	public static Stream<Invalid> invalid() {
		List<Invalid> examples = new ArrayList<>();
		for (CanonicalSchema schema : SchemaResources.all()) {
			Path dir = directory(schema).resolve("invalid");
			JsonNode expected = MAPPER.readTree(read(dir.resolve("expected.json")));
			for (Path file : jsonFiles(dir)) {
				JsonNode failure = expected.get(file.getFileName().toString());
				if (failure == null) {
					throw new IllegalStateException(file + " has no entry in expected.json");
				}
				examples.add(new Invalid(schema, file.getFileName().toString(), read(file),
						failure.get("pointer").asString(), failure.get("keyword").asString()));
			}
		}
		return examples.stream();
	}

	public static JsonNode document(CanonicalSchema schema, String name) {
		return MAPPER.readTree(read(directory(schema).resolve("valid").resolve(name)));
	}

	public static Map<String, Path> directories() {
		Map<String, Path> directories = new TreeMap<>();
		for (CanonicalSchema schema : SchemaResources.all()) {
			directories.put(schema.code(), directory(schema));
		}
		return directories;
	}

	private static Path directory(CanonicalSchema schema) {
		URL url = Examples.class.getClassLoader().getResource("examples/" + schema.code());
		if (url == null) {
			throw new IllegalStateException("No examples for " + schema.code());
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Path> jsonFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.filter((file) -> !file.getFileName().toString().equals("expected.json"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
