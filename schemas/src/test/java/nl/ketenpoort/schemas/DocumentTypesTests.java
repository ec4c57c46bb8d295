package nl.ketenpoort.schemas;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Document types are found in a jar as well as in a directory, as the gateway's jar
 * carries the schemas library.
 */
class DocumentTypesTests {

	@Test
	void anotherLibrarysSchemaDirectoryIsIgnoredButABrokenDocumentTypeIsNot(@TempDir Path dir) throws IOException {
		// given a jar of another library with a schemas/ directory, and a broken
		// document type
		Path other = jar(dir.resolve("other.jar"), Map.of("schemas/settings.schema.json", "not: json"));
		Path broken = jar(dir.resolve("broken.jar"),
				Map.of("schemas/letter.schema.json", "{\"x-document-type\": {\"order\": 1,"));
		// when / then
		try (URLClassLoader loader = new URLClassLoader(new URL[] { other.toUri().toURL() },
				getClass().getClassLoader())) {
			assertThat(DocumentTypes.load(loader).all()).isEqualTo(DocumentType.all());
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { broken.toUri().toURL() },
				getClass().getClassLoader())) {
			assertThatIllegalStateException().isThrownBy(() -> DocumentTypes.load(loader))
				.withMessageContaining("letter.schema.json");
		}
	}

	private static Path jar(Path jar, Map<String, String> entries) throws IOException {
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("schemas/"));
			out.closeEntry();
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	@Test
	void findsTheDocumentTypesInAJar(@TempDir Path dir) throws IOException {
		// given a jar holding the shipped schema files and nothing else
		Path jar = dir.resolve("schemas.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("schemas/"));
			out.closeEntry();
			for (CanonicalSchema schema : SchemaResources.all()) {
				out.putNextEntry(new JarEntry(schema.schemaResource()));
				try (var in = getClass().getClassLoader().getResourceAsStream(schema.schemaResource())) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		// when
		DocumentTypes types;
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			types = DocumentTypes.load(loader);
		}
		// then
		assertThat(types.all()).isEqualTo(DocumentType.all());
	}

}
