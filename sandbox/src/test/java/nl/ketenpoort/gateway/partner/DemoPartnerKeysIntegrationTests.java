package nl.ketenpoort.gateway.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo keys of the sandbox partners: written owner-only, private, and registered.
 */
class DemoPartnerKeysIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	Partners partners;

	@Autowired
	PartnerKeys keys;

	@Test
	void demoKeysAreWrittenOwnerOnlyAndRegistered(@TempDir Path dataDir) throws Exception {
		DemoPartnerKeys demo = new DemoPartnerKeys(this.partners, this.keys,
				new KetenpoortSettings(dataDir, DataSize.ofMegabytes(1)));

		demo.run(null);
		demo.run(null);

		for (Partner partner : this.partners.all()) {
			Path file = dataDir.resolve("keys/partners/" + partner.id() + ".jwk");
			assertThat(Files.getPosixFilePermissions(file))
				.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			JWK key = JWK.parse(Files.readString(file));
			assertThat(key.isPrivate()).isTrue();
			assertThat(this.keys.activeKeys(partner.id()).getKeyByKeyId(key.getKeyID())).isNotNull();
		}
	}

}
