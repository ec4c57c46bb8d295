package nl.ketenpoort.gateway.identity;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Set;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;
import nl.ketenpoort.gateway.identity.internal.IdentitySettingsInvalid;
import nl.ketenpoort.gateway.identity.internal.MtlsStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo CA: made once into the data directory, owner-only, a client certificate per
 * partner with a certificate subject, and never accepted under {@code prod}.
 */
class DemoCertificateAuthorityIntegrationTests extends GatewayIntegrationTest {

	private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	@Autowired
	Partners partners;

	@Test
	void theDemoCaIsMadeOnceAndIssuesEveryPartnersCertificate(@TempDir Path dataDir) throws Exception {
		DemoCertificateAuthority demo = new DemoCertificateAuthority(
				new KetenpoortSettings(dataDir, DataSize.ofMegabytes(1)), this.partners);

		MtlsStores first = demo.stores();
		MtlsStores again = demo.stores();

		Path directory = dataDir.resolve("keys/mtls");
		X509Certificate ca = (X509Certificate) first.trustStore().getCertificate("ketenpoort-demo-ca");
		assertThat(MtlsStores.isDemoCa(ca.getSubjectX500Principal())).isTrue();
		assertThat(again.trustStore().getCertificate("ketenpoort-demo-ca")).isEqualTo(ca);
		assertThat(first.crl()).isEqualTo(directory.resolve("crl.pem"));
		String password = Files.readString(directory.resolve("password")).strip();
		for (String file : new String[] { "ca.p12", "server.p12", "password", "crl.pem" }) {
			assertThat(Files.getPosixFilePermissions(directory.resolve(file))).isEqualTo(OWNER_ONLY);
		}
		for (Partner partner : this.partners.all()) {
			if (partner.certificateSubject() == null) {
				continue;
			}
			Path file = directory.resolve("partners/" + partner.id() + ".p12");
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_ONLY);
			assertThat(Files.readString(directory.resolve("partners/" + partner.id() + ".pem")))
				.contains("BEGIN PRIVATE KEY");
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(file)) {
				store.load(in, password.toCharArray());
			}
			X509Certificate certificate = (X509Certificate) store.getCertificate("key");
			assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo(partner.certificateSubject());
			certificate.verify(ca.getPublicKey());
		}
		assertThatExceptionOfType(IdentitySettingsInvalid.class)
			.isThrownBy(() -> MtlsStores.refuseDemoCaUnderProd(first.trustStore(), true));
	}

}
