package nl.ketenpoort.gateway.exchange;

import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import nl.ketenpoort.keys.Digests;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stored payloads exactly as the gateway wrote them before format 1 (commit
 * {@code bf1863c}, schema up to V3_135): compact JWE, direct A256GCM, the key id
 * {@code pk-} and 12 hex digits of the key's SHA-256 in the header, in the text column
 * {@code exchange.payload}. Frozen here: the product no longer writes them.
 */
public final class EarlierPayloads {

	private EarlierPayloads() {
	}

	/** The JWE that commit's {@code PayloadCipher.encrypt} made under this key. */
	public static String encrypt(String base64Key, byte[] plaintext) {
		byte[] key = Base64.getDecoder().decode(base64Key);
		String keyId = "pk-" + HexFormat.of().formatHex(Digests.sha256(key), 0, 6);
		try {
			JWEObject jwe = new JWEObject(
					new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(keyId).build(),
					new Payload(plaintext));
			jwe.encrypt(new DirectEncrypter(key));
			return jwe.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Puts an accepted exchange's payload back into the form that commit stored: the JWE
	 * in {@code payload}, nothing in the column that came after it. Every other column of
	 * the row, and its audit events, are the accept path's, which that commit wrote the
	 * same way.
	 */
	public static void storeAsBefore(JdbcClient jdbc, UUID exchange, String jwe) {
		int rows = jdbc.sql("UPDATE exchange SET payload_sealed = NULL, payload = ? WHERE id = ?")
			.params(jwe, exchange)
			.update();
		if (rows != 1) {
			throw new IllegalStateException("No exchange " + exchange);
		}
	}

}
