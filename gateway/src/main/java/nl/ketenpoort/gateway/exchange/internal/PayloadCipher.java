package nl.ketenpoort.gateway.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.ketenpoort.keys.Digests;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;

import org.springframework.stereotype.Component;

/**
 * Encrypts payloads at rest as compact JWE (direct AES-256-GCM) naming the key id, so the
 * key can be rotated: new payloads use the current key, older ones decrypt with the key
 * they name.
 */
@Component
public class PayloadCipher {

	private final String currentKeyId;

	private final Map<String, byte[]> keys = new LinkedHashMap<>();

	PayloadCipher(ExchangeSettings settings) {
		byte[] current = decode(settings.payloadKey());
		this.currentKeyId = keyId(current);
		this.keys.put(this.currentKeyId, current);
		for (String previous : settings.previousPayloadKeys()) {
			byte[] key = decode(previous);
			this.keys.putIfAbsent(keyId(key), key);
		}
	}

	public String encrypt(byte[] plaintext) {
		try {
			JWEObject jwe = new JWEObject(
					new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(this.currentKeyId).build(),
					new Payload(plaintext));
			jwe.encrypt(new DirectEncrypter(this.keys.get(this.currentKeyId)));
			return jwe.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Payload encryption failed", ex);
		}
	}

	public byte[] decrypt(String stored) {
		try {
			JWEObject jwe = JWEObject.parse(stored);
			byte[] key = this.keys.get(jwe.getHeader().getKeyID());
			if (key == null) {
				throw new IllegalStateException("No payload key with id " + jwe.getHeader().getKeyID()
						+ " is configured (ketenpoort.exchange.previous-payload-keys)");
			}
			jwe.decrypt(new DirectDecrypter(key));
			return jwe.getPayload().toBytes();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("A stored payload could not be decrypted", ex);
		}
	}

	private static byte[] decode(String base64) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException("Payload keys must be 32 bytes (AES-256), base64");
		}
		return key;
	}

	private static String keyId(byte[] key) {
		return "pk-" + HexFormat.of().formatHex(Digests.sha256(key), 0, 6);
	}

	public static String sha256(byte[] bytes) {
		return Digests.sha256Hex(bytes);
	}

	public static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

}
