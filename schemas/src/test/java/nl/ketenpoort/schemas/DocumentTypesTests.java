package nl.ketenpoort.schemas;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document types are found in a jar as well as in a directory, as the gateway's jar
 * carries the schemas library.
 */
class DocumentTypesTests {

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
