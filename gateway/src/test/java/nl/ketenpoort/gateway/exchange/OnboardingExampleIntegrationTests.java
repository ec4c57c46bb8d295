package nl.ketenpoort.gateway.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSObject;
import nl.ketenpoort.gateway.Fixtures;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "runnable Java example" of {@code docs/partner-onboarding.md}, run as the page says
 * (Java in source-file mode, the Nimbus jar on the class path, the partner's key file),
 * against this test gateway: a new partner developer who copies it gets {@code 202}.
 */
class OnboardingExampleIntegrationTests extends GatewayIntegrationTest {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?public class SubmitClientProfile.*?)```",
			Pattern.DOTALL);

	@Autowired
	TestTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Test
	void theOnboardingExampleSubmitsAClientProfileAndGets202() throws Exception {
		// given the page's example, TVS's key file and a status holder who consented
		Path dir = Files.createTempDirectory(dataDir(), "onboarding");
		Path source = dir.resolve("SubmitClientProfile.java");
		Files.writeString(source, example(), StandardCharsets.UTF_8);
		Path keyFile = dir.resolve("tvs.jwk");
		Files.writeString(keyFile, this.tokens.partnerKey("tvs").toJSONString());
		Fixtures.StatusHolder holder = this.fixtures.newStatusHolder();
		this.fixtures.grant(holder.subject(), "handover-coa-municipality", "tvs", List.of("raak"),
				DocumentType.of("client-profile"));

		// when
		List<String> command = new ArrayList<>(List.of(java(), "-cp", nimbusJar(), source.toString(),
				"http://localhost:" + this.port, "tvs", keyFile.toString(), holder.vNumber()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		boolean ended = process.waitFor(60, TimeUnit.SECONDS);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		// then
		assertThat(ended).as("the example ended within a minute").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).as(output).startsWith("202 /api/v1/exchanges/");
	}

	private static String example() throws IOException {
		String page = Files.readString(repositoryRoot().resolve("docs/partner-onboarding.md"), StandardCharsets.UTF_8);
		Matcher block = JAVA_BLOCK.matcher(page);
		assertThat(block.find()).as("the Java example in docs/partner-onboarding.md").isTrue();
		return block.group(1);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The Nimbus JOSE+JWT jar of this build, as the page puts it on the class path. */
	private static String nimbusJar() throws Exception {
		return Path.of(JWSObject.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
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
