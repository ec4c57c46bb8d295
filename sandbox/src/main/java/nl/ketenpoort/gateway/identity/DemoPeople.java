package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the demo users, each with a generated password written to
 * {@code $KETENPOORT_DATA_DIR/demo-credentials.txt} ({@code <username> <password>} per
 * line, owner only). Existing users keep their password while the file names it.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoPeople implements ApplicationRunner {

	static final String FILE_NAME = "demo-credentials.txt";

	private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

	/** The demo users: username, roles, organisation. */
	static final List<DemoUser> USERS = List.of(new DemoUser("amira", Role.STATUS_HOLDER, null),
			new DemoUser("yonas", Role.STATUS_HOLDER, null), new DemoUser("cm-coa", Role.CASE_MANAGER, "coa"),
			new DemoUser("km-amsterdam", Role.CLIENT_MANAGER, "amsterdam"),
			new DemoUser("po-coa", Role.PRIVACY_OFFICER, "coa"),
			new DemoUser("po-amsterdam", Role.PRIVACY_OFFICER, "amsterdam"),
			new DemoUser("po-vwn", Role.PRIVACY_OFFICER, "vwn"), new DemoUser("operator", Role.OPERATOR, null));

	record DemoUser(String username, Role role, @Nullable String organisation) {

	}

	private final People people;

	private final Path file;

	private final SecureRandom random = new SecureRandom();

	DemoPeople(People people, KetenpoortSettings settings) {
		this.people = people;
		this.file = settings.dataDir().resolve(FILE_NAME);
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, String> credentials = read();
		boolean changed = false;
		for (DemoUser user : USERS) {
			String password = credentials.get(user.username());
			boolean exists = this.people.findByUsername(user.username()).isPresent();
			if (exists && password != null) {
				continue;
			}
			password = newPassword();
			credentials.put(user.username(), password);
			changed = true;
			if (exists) {
				this.people.changePassword(user.username(), password);
			}
			else {
				// Status holders are linked to their subject pseudonym by the demo data.
				this.people.create(user.username(), password, Set.of(user.role()), user.organisation(), null);
			}
		}
		if (changed) {
			write(credentials);
		}
		log.info("Demo users and their passwords are in {}", this.file);
	}

	private String newPassword() {
		byte[] bytes = new byte[15];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private Map<String, String> read() {
		Map<String, String> credentials = new LinkedHashMap<>();
		try {
			if (Files.isRegularFile(this.file)) {
				for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
					String[] parts = line.trim().split("\\s+");
					if (parts.length == 2) {
						credentials.put(parts[0], parts[1]);
					}
				}
			}
			return credentials;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + this.file, ex);
		}
	}

	private void write(Map<String, String> credentials) {
		Path temporary = this.file.resolveSibling(FILE_NAME + ".tmp");
		StringBuilder text = new StringBuilder();
		USERS.forEach((user) -> text.append(user.username())
			.append(' ')
			.append(credentials.get(user.username()))
			.append('\n'));
		try {
			Files.createDirectories(this.file.getParent());
			Files.deleteIfExists(temporary);
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.file, ex);
		}
	}

}
