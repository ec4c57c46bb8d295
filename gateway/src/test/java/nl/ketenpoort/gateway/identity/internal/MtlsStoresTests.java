package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import nl.ketenpoort.gateway.identity.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The start-up checks of the mutual-TLS port's stores: under {@code prod} a trust store
 * with the demo CA stops the gateway, and a port without stores does not start.
 */
class MtlsStoresTests {

	@TempDir
	Path directory;

	@Test
	void prodRefusesATrustStoreWithTheDemoCa() throws Exception {
		TestCertificates demo = TestCertificates.create(this.directory.resolve("demo"),
				"CN=Ketenpoort demo CA,O=" + MtlsStores.DEMO_CA_ORGANISATION + ",C=NL");

		MtlsStores stores = MtlsStores.configured(settings(demo));

		assertThatExceptionOfType(IdentitySettingsInvalid.class)
			.isThrownBy(() -> MtlsStores.refuseDemoCaUnderProd(stores.trustStore(), true))
			.withMessageContaining("demo CA");
		// outside prod the demo CA is what the demo runs with
		assertThatNoException().isThrownBy(() -> MtlsStores.refuseDemoCaUnderProd(stores.trustStore(), false));
	}

	@Test
	void prodAcceptsAnotherCa() throws Exception {
		TestCertificates other = TestCertificates.create(this.directory.resolve("other"),
				"CN=Staat der Nederlanden Organisatie Persoon CA - G3,O=Staat der Nederlanden,C=NL");

		assertThatNoException().isThrownBy(
				() -> MtlsStores.refuseDemoCaUnderProd(MtlsStores.configured(settings(other)).trustStore(), true));
	}

	@Test
	void prodDoesNotFallBackToTheDemoCaWithoutATrustStore() {
		MtlsSettings settings = new MtlsSettings(8443, null, null, "PKCS12", null, null, "PKCS12", null, null);
		DemoMtlsStores demo = () -> {
			throw new AssertionError("the demo CA is never asked for under prod");
		};

		assertThatExceptionOfType(IdentitySettingsInvalid.class)
			.isThrownBy(() -> MtlsConfiguration.stores(settings, demo, true))
			.withMessageContaining("trust-store");
	}

	@Test
	void aDemoCaIsRecognisedByItsOrganisation() throws IOException, GeneralSecurityException {
		TestCertificates demo = TestCertificates.create(this.directory.resolve("demo"),
				"CN=Anything,O=" + MtlsStores.DEMO_CA_ORGANISATION + ",C=NL");
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(demo.trustStore())) {
			trust.load(in, TestCertificates.PASSWORD.toCharArray());
		}

		assertThat(MtlsStores.isDemoCa(demo.caCertificate().getSubjectX500Principal())).isTrue();
		assertThat(MtlsStores.isDemoCa(new javax.security.auth.x500.X500Principal("CN=x,O=Ketenpoort demo CAs")))
			.isFalse();
	}

	@Test
	void anUnreadableRevocationListStopsStartUp() {
		TestCertificates certificates = TestCertificates.create(this.directory.resolve("crl"), "CN=CA,O=Tests");
		MtlsSettings settings = new MtlsSettings(8443, certificates.keyStore(), TestCertificates.PASSWORD, "PKCS12",
				certificates.trustStore(), TestCertificates.PASSWORD, "PKCS12", this.directory.resolve("missing.crl"),
				null);

		assertThatExceptionOfType(IdentitySettingsInvalid.class).isThrownBy(() -> MtlsStores.configured(settings))
			.withMessageContaining("crl");
	}

	private static MtlsSettings settings(TestCertificates certificates) {
		return new MtlsSettings(8443, certificates.keyStore(), TestCertificates.PASSWORD, "PKCS12",
				certificates.trustStore(), TestCertificates.PASSWORD, "PKCS12", null, null);
	}

}
