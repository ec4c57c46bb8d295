package nl.ketenpoort.gateway.partner;

import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.partner.internal.PartnerKind;
import nl.ketenpoort.gateway.partner.internal.PartnerRegistryInvalid;
import nl.ketenpoort.gateway.partner.internal.PartnerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A partner's certificate subject in {@code partners.yaml}: normalised to the form Spring
 * Authorization Server compares, and checked against the OIN.
 */
class PartnerCertificateSubjectTests {

	private static final String OIN = "00000001003214345000";

	@Test
	void theSubjectIsNormalisedWhateverItsSpacing() {
		assertThat(Partners.certificateSubject("tvs", system("CN=tvs.coa.test, O=COA, C=NL", null)))
			.isEqualTo(new javax.security.auth.x500.X500Principal("CN=tvs.coa.test,O=COA,C=NL").getName());
	}

	@Test
	void anOinMustBeTheSerialNumberOfTheSubject() {
		assertThat(Partners.certificateSubject("tvs", system("SERIALNUMBER=" + OIN + ", CN=tvs, O=COA, C=NL", OIN)))
			.isNotNull();
		assertThatExceptionOfType(PartnerRegistryInvalid.class)
			.isThrownBy(() -> Partners.certificateSubject("tvs",
					system("SERIALNUMBER=00000001003214345999, CN=tvs, O=COA, C=NL", OIN)))
			.withMessageContaining("SERIALNUMBER=" + OIN);
		assertThatExceptionOfType(PartnerRegistryInvalid.class)
			.isThrownBy(() -> Partners.certificateSubject("tvs", system("CN=tvs, O=COA, C=NL", OIN)));
	}

	@Test
	void anOinIsTwentyDigits() {
		assertThatExceptionOfType(PartnerRegistryInvalid.class)
			.isThrownBy(() -> Partners.certificateSubject("tvs", system("SERIALNUMBER=123, CN=tvs", "123")))
			.withMessageContaining("20 digits");
	}

	@Test
	void noSubjectMeansPrivateKeyJwtOnly() {
		assertThat(Partners.certificateSubject("tvs", system(null, null))).isNull();
		assertThatExceptionOfType(PartnerRegistryInvalid.class)
			.isThrownBy(() -> Partners.certificateSubject("tvs", system(null, OIN)));
		assertThatExceptionOfType(PartnerRegistryInvalid.class)
			.isThrownBy(() -> Partners.certificateSubject("tvs", system("not a name", null)));
	}

	private static PartnerSettings.System system(String subject, String oin) {
		return new PartnerSettings.System("coa", "TVS", PartnerKind.RECEPTION, "tvs", null, true, true, null, null,
				subject, oin);
	}

}
