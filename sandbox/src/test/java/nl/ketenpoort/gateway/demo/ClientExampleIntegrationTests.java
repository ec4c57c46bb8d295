package nl.ketenpoort.gateway.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSObject;
import nl.ketenpoort.client.KetenpoortClient;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.partner.DemoPartnerKeyFiles;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ketenpoort-client} example of {@code docs/partner-onboarding.md}, run as the
 * page says (Java in source-file mode, the client and Nimbus jars on the class path, a
 * demo partner's key file from the data directory) against the demo line: it submits
 * ({@code 202}), reads the exchange ({@code 200}) and verifies a consent statement.
 */
class ClientExampleIntegrationTests extends GatewayIntegrationTest {

	/** The one Java block (no fence inside) that holds the example's class. */
	private static final Pattern JAVA_BLOCK = Pattern
		.compile("```java\\n((?:(?!```).)*public class SubmitWithClient(?:(?!```).)*)```", Pattern.DOTALL);

	@Autowired
	Partners partners;

	@Autowired
	PartnerKeys partnerKeys;

	@Autowired
	KetenpoortSettings settings;

	@Autowired
	Fixtures fixtures;

	private Path keyFile;

	@AfterEach
	void noKeyLeftBehind() throws IOException {
		// The other tests of this module write TVS's key file themselves.
		if (this.keyFile != null) {
			Files.deleteIfExists(this.keyFile);
		}
	}

	@Test
	void theClientExampleSubmitsReadsTheExchangeAndVerifiesAStatement() throws Exception {
		// given the page's example, TVS's demo key file, and a status holder who
		// consented
		// to the handover (the statement a receiving partner would get with the document)
		Path dir = Files.createTempDirectory(dataDir(), "client-example");
		Path source = dir.resolve("SubmitWithClient.java");
		Files.writeString(source, example(), StandardCharsets.UTF_8);
		this.keyFile = DemoPartnerKeyFiles.prepare(this.partners, this.partnerKeys, this.settings, "tvs");
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		Consent consent = this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));

		// when
		Process process = new ProcessBuilder(java(), "-cp", classPath(), source.toString(),
				"http://localhost:" + this.port, "tvs", this.keyFile.toString(), holder.vNumber(), consent.statement())
			.redirectErrorStream(true)
			.start();
		boolean ended = process.waitFor(60, TimeUnit.SECONDS);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		// then
		assertThat(ended).as("the example ended within a minute").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		List<String> lines = output.lines().toList();
		assertThat(lines).as(output).hasSize(3);
		assertThat(lines.get(0)).startsWith("202 /api/v1/exchanges/");
		assertThat(lines.get(1)).startsWith("200 {").contains("\"documentType\":\"client-profile\"");
		assertThat(lines.get(2)).isEqualTo("verified handover-coa-municipality");
	}

	private static String example() throws IOException {
		String page = Files.readString(repositoryRoot().resolve("docs/partner-onboarding.md"), StandardCharsets.UTF_8);
		Matcher block = JAVA_BLOCK.matcher(page);
		assertThat(block.find()).as("the ketenpoort-client example in docs/partner-onboarding.md").isTrue();
		return block.group(1);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The client module and the Nimbus JOSE+JWT jar of this build, as the page says. */
	private static String classPath() throws Exception {
		return location(KetenpoortClient.class) + File.pathSeparator + location(JWSObject.class);
	}

	private static String location(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root (the directory holding mvnw)").isNotNull();
		return dir;
	}

}
