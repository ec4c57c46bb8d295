package nl.ketenpoort.gateway.partner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import nl.ketenpoort.gateway.partner.internal.PartnerKeyRejected;
import nl.ketenpoort.gateway.partner.internal.PartnerKind;
import nl.ketenpoort.gateway.partner.internal.RegisterPartnerKeyCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configured partner registry and key registration by command.
 */
class PartnerRegistryIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	Partners partners;

	@Autowired
	PartnerKeys keys;

	@Autowired
	RegisterPartnerKeyCommand registerKey;

	@Test
	void everyChainPartnerIsRegisteredWithItsOrganisation() {
		assertThat(this.partners.all()).extracting(Partner::id)
			.containsExactly("opstartklas", "raak", "taalschool-a", "taalschool-b", "tvs", "vvs");
		assertThat(this.partners.find("tvs")).hasValueSatisfying((tvs) -> {
			assertThat(tvs.organisation()).isEqualTo("coa");
			assertThat(tvs.active()).isTrue();
			assertThat(tvs.delivery().isPull()).isFalse();
		});
		assertThat(this.partners.find("raak").orElseThrow().organisation()).isEqualTo("amsterdam");
		assertThat(this.partners.find("vvs").orElseThrow().organisation()).isEqualTo("vwn");
	}

	@Test
	void permissionsFollowThePurposes() {
		assertThat(this.partners.mayPublish("tvs", DocumentType.of("client-profile"), "handover-coa-municipality"))
			.isTrue();
		assertThat(this.partners.mayReceive("raak", DocumentType.of("client-profile"), "handover-coa-municipality"))
			.isTrue();
		assertThat(this.partners.mayPublish("raak", DocumentType.of("client-profile"), "handover-coa-municipality"))
			.isFalse();
		assertThat(this.partners.mayReceive("vvs", DocumentType.of("trajectory-plan"), "social-guidance-vwn")).isTrue();
		assertThat(this.partners.mayPublish("nobody", DocumentType.of("client-profile"), "handover-coa-municipality"))
			.isFalse();
	}

	@Test
	void noLanguageProviderEverReceivesTheTrajectoryPlan() {
		assertThat(this.partners.all()).filteredOn((partner) -> partner.kind() == PartnerKind.LANGUAGE_PROVIDER)
			.isNotEmpty()
			.allSatisfy((provider) -> assertThat(provider.receives())
				.noneMatch((permission) -> permission.documentType().equals(DocumentType.of("trajectory-plan")))
				.isNotEmpty());
	}

	@Test
	void registerKeyCommandStoresOnlyThePublicPart(@TempDir Path dir) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("cli-" + System.nanoTime()).generate();
		Path file = dir.resolve("vvs.jwk");
		Files.writeString(file, key.toJSONString());
		StringWriter out = new StringWriter();

		int exit = this.registerKey.run(List.of("vvs", file.toString()), new PrintWriter(out, true));

		assertThat(exit).isZero();
		assertThat(out.toString()).contains("Registered key " + key.getKeyID());
		JWK stored = this.keys.activeKeys("vvs").getKeyByKeyId(key.getKeyID());
		assertThat(stored).isNotNull();
		assertThat(stored.isPrivate()).isFalse();
	}

	@Test
	void registerKeyCommandRefusesUnknownPartnersAndWeakKeys(@TempDir Path dir) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("cli-" + System.nanoTime()).generate();
		Path file = dir.resolve("key.jwk");
		Files.writeString(file, key.toPublicJWK().toJSONString());
		StringWriter out = new StringWriter();

		assertThat(this.registerKey.run(List.of("gemeente-x", file.toString()), new PrintWriter(out, true)))
			.isEqualTo(2);
		assertThat(this.registerKey.run(List.of("vvs"), new PrintWriter(out, true))).isEqualTo(2);
		ECKey other = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
		this.keys.register("vvs", key);
		assertThatExceptionOfType(PartnerKeyRejected.class).isThrownBy(() -> this.keys.register("vvs", other));
		ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
		assertThatExceptionOfType(PartnerKeyRejected.class).isThrownBy(() -> this.keys.register("vvs", p384));
	}

}
