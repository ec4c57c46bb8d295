package nl.ketenpoort.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo users exist with generated passwords, written owner-only to
 * {@code demo-credentials.txt}, stored only as hashes, and they can log in.
 */
class DemoPeopleIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokens tokens;

	@Test
	void demoUsersCanLogInWithTheWrittenPasswords(@TempDir Path dataDir) throws Exception {
		DemoPeople demo = new DemoPeople(this.people, new KetenpoortSettings(dataDir, DataSize.ofMegabytes(1)));

		demo.run(null);
		List<String> firstRun = Files.readAllLines(dataDir.resolve(DemoPeople.FILE_NAME));
		demo.run(null);

		Path file = dataDir.resolve(DemoPeople.FILE_NAME);
		assertThat(Files.readAllLines(file)).isEqualTo(firstRun);
		assertThat(Files.getPosixFilePermissions(file))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		Map<String, String> credentials = firstRun.stream()
			.map((line) -> line.split(" "))
			.collect(Collectors.toMap((parts) -> parts[0], (parts) -> parts[1]));
		assertThat(credentials).containsOnlyKeys("amira", "yonas", "cm-coa", "km-amsterdam", "po-coa", "po-amsterdam",
				"po-vwn", "operator");
		assertThat(this.people.findByUsername("po-vwn").orElseThrow().organisation()).hasValue("vwn");
		assertThat(this.people.findByUsername("amira").orElseThrow().roles()).containsExactly(Role.STATUS_HOLDER);
		String hash = this.jdbc.sql("SELECT password_hash FROM identity_person WHERE username = 'cm-coa'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(credentials.get("cm-coa"));

		TestTokens.CodeFlow flow = this.tokens.logIn("cm-coa", credentials.get("cm-coa"));
		assertThat(flow.tokens().has("access_token")).isTrue();
	}

}
