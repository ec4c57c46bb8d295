package nl.ketenpoort.gateway.partner;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import nl.ketenpoort.gateway.partner.internal.PartnerKeyRejected;
import nl.ketenpoort.gateway.partner.internal.PartnerUnknown;

/**
 * The public keys with which partner systems sign their client assertions
 * ({@code private_key_jwt}); only public parts are ever stored.
 */
public class PartnerKeys {

	private static final Logger log = LoggerFactory.getLogger(PartnerKeys.class);

	private final JdbcClient jdbc;

	private final Partners partners;

	public PartnerKeys(JdbcClient jdbc, Partners partners) {
		this.jdbc = jdbc;
		this.partners = partners;
	}

	/**
	 * Registers a partner's public signing key; registering the same key again changes
	 * nothing.
	 * @param partnerId the partner
	 * @param jwk its key: EC P-256 or RSA of at least 2048 bits, with a {@code kid}; a
	 * private part, if present, is dropped and never stored
	 * @return the registered public key
	 * @throws PartnerUnknown when no such partner is configured
	 * @throws PartnerKeyRejected when the key is unusable or its {@code kid} is taken
	 */
	@Transactional
	public JWK register(String partnerId, JWK jwk) {
		if (this.partners.find(partnerId).isEmpty()) {
			throw new PartnerUnknown(partnerId);
		}
		JWK publicKey = checked(jwk).toPublicJWK();
		String json = publicKey.toJSONString();
		Optional<String> existing = this.jdbc
			.sql("SELECT public_jwk FROM partner_key WHERE partner_id = :partner AND kid = :kid FOR UPDATE")
			.param("partner", partnerId)
			.param("kid", publicKey.getKeyID())
			.query(String.class)
			.optional();
		if (existing.isPresent()) {
			if (!sameKey(existing.get(), publicKey)) {
				throw new PartnerKeyRejected("another key is registered under this kid; choose a new kid");
			}
			return publicKey;
		}
		this.jdbc.sql("INSERT INTO partner_key (partner_id, kid, public_jwk) VALUES (:partner, :kid, :jwk)")
			.param("partner", partnerId)
			.param("kid", publicKey.getKeyID())
			.param("jwk", json)
			.update();
		log.info("Registered a client authentication key for a partner system");
		return publicKey;
	}

	/** Stops accepting assertions signed with this key. */
	public boolean retire(String partnerId, String kid) {
		return this.jdbc
			.sql("UPDATE partner_key SET retired_at = now() WHERE partner_id = :partner AND kid = :kid"
					+ " AND retired_at IS NULL")
			.param("partner", partnerId)
			.param("kid", kid)
			.update() == 1;
	}

	/** The keys this partner may currently sign its client assertions with. */
	public JWKSet activeKeys(String partnerId) {
		List<JWK> keys = this.jdbc
			.sql("SELECT public_jwk FROM partner_key WHERE partner_id = :partner AND retired_at IS NULL ORDER BY kid")
			.param("partner", partnerId)
			.query(String.class)
			.list()
			.stream()
			.map(PartnerKeys::parse)
			.toList();
		return new JWKSet(keys);
	}

	private static JWK checked(JWK jwk) {
		if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
			throw new PartnerKeyRejected("it has no kid");
		}
		if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
			throw new PartnerKeyRejected("its use is not sig");
		}
		if (jwk instanceof ECKey ec) {
			if (!Curve.P_256.equals(ec.getCurve())) {
				throw new PartnerKeyRejected("EC keys must be on curve P-256 (ES256)");
			}
			return jwk;
		}
		if (jwk instanceof RSAKey rsa) {
			if (rsa.size() < 2048) {
				throw new PartnerKeyRejected("RSA keys must have at least 2048 bits");
			}
			return jwk;
		}
		throw new PartnerKeyRejected("only EC P-256 and RSA signing keys are supported");
	}

	private static boolean sameKey(String storedJson, JWK candidate) {
		try {
			return JWK.parse(storedJson).computeThumbprint().equals(candidate.computeThumbprint());
		}
		catch (ParseException | com.nimbusds.jose.JOSEException ex) {
			return false;
		}
	}

	public static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new PartnerKeyRejected("it is not a JSON Web Key");
		}
	}

}
