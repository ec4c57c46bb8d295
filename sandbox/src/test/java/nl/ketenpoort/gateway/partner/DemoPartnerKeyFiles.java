package nl.ketenpoort.gateway.partner;

import java.nio.file.Path;

import nl.ketenpoort.gateway.system.KetenpoortSettings;

/**
 * A sandbox partner's demo key as the demo profile makes it at start
 * ({@link DemoPartnerKeys}): the private JWK in
 * {@code <data dir>/keys/partners/<id>.jwk}, the public part registered; for tests in
 * other packages that use the key file as a partner developer of the demo would.
 */
public final class DemoPartnerKeyFiles {

	private DemoPartnerKeyFiles() {
	}

	/** The partner's key file, made (or read) and its public key registered. */
	public static Path prepare(Partners partners, PartnerKeys keys, KetenpoortSettings settings, String partnerId) {
		keys.register(partnerId, new DemoPartnerKeys(partners, keys, settings).keyOf(partnerId).toPublicJWK());
		return settings.dataDir().resolve("keys").resolve("partners").resolve(partnerId + ".jwk");
	}

}
