package nl.ketenpoort.gateway.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

import nl.ketenpoort.keys.Digests;
import nl.ketenpoort.keys.SealingKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;

import org.springframework.stereotype.Component;

/**
 * Seals payloads at rest as binary AES-256-GCM naming the key, bound to their exchange
 * (docs/payload-encryption.md), so the key can be rotated: new payloads use the current
 * key, older ones open with the key they name, and the compact JWE of earlier releases
 * still decrypts.
 * <p>
 * Format 1: {@code 0x01 | key id (6) | nonce (12) | ciphertext | tag (16)}; the key id is
 * the first 6 bytes of the key's SHA-256 (the {@code pk-} id is their hex), the
 * additional authenticated data is the first 7 bytes followed by the exchange id's 16
 * bytes, so a payload copied to another row does not open.
 */
@Component
public class PayloadCipher {

	static final byte FORMAT = 0x01;

	static final int KEY_ID_BYTES = 6;

	static final int HEADER_BYTES = 1 + KEY_ID_BYTES;

	private static final String PREVIOUS_KEYS = "ketenpoort.exchange.previous-payload-keys";

	private final PayloadKey current;

	private final Map<String, PayloadKey> keys = new LinkedHashMap<>();

	PayloadCipher(ExchangeSettings settings) {
		this.current = PayloadKey.of(settings.payloadKey());
		this.keys.put(this.current.id(), this.current);
		for (String previous : settings.previousPayloadKeys()) {
			PayloadKey key = PayloadKey.of(previous);
			this.keys.putIfAbsent(key.id(), key);
		}
	}

	/** The payload of this exchange, sealed under the current key in format 1. */
	public byte[] seal(UUID exchange, byte[] plaintext) {
		return this.current.sealing().seal(this.current.header(), plaintext, associatedData(exchange));
	}

	/** The plaintext of a payload {@link #seal} made for this exchange. */
	public byte[] open(UUID exchange, byte[] sealed) {
		if (sealed.length < HEADER_BYTES || sealed[0] != FORMAT) {
			throw new IllegalStateException("A stored payload is not in a format this gateway knows (format "
					+ ((sealed.length > 0) ? sealed[0] : "none") + ")");
		}
		PayloadKey key = key("pk-" + HexFormat.of().formatHex(sealed, 1, HEADER_BYTES));
		try {
			return key.sealing().open(sealed, HEADER_BYTES, associatedData(exchange));
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException("A stored payload does not open under its key " + key.id()
					+ ": it was altered, or it belongs to another exchange", ex);
		}
	}

	/**
	 * The plaintext of a payload stored by a release before format 1: compact JWE (direct
	 * A256GCM) naming its key id in the header.
	 */
	public byte[] decryptJwe(String stored) {
		try {
			JWEObject jwe = JWEObject.parse(stored);
			PayloadKey key = key(jwe.getHeader().getKeyID());
			jwe.decrypt(new DirectDecrypter(key.raw()));
			return jwe.getPayload().toBytes();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("A stored payload could not be decrypted", ex);
		}
	}

	/** The id of the key new payloads are sealed under. */
	String currentKeyId() {
		return this.current.id();
	}

	private PayloadKey key(String id) {
		PayloadKey key = this.keys.get(id);
		if (key == null) {
			throw new IllegalStateException("No payload key with id " + id
					+ " is configured: the key that sealed this payload belongs in " + PREVIOUS_KEYS);
		}
		return key;
	}

	private static byte[] associatedData(UUID exchange) {
		return ByteBuffer.allocate(16)
			.putLong(exchange.getMostSignificantBits())
			.putLong(exchange.getLeastSignificantBits())
			.array();
	}

	public static String sha256(byte[] bytes) {
		return Digests.sha256Hex(bytes);
	}

	public static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A configured payload key, with the id and header it is known by. */
	private record PayloadKey(String id, byte[] header, byte[] raw, SealingKey sealing) {

		static PayloadKey of(String base64) {
			byte[] raw = Base64.getDecoder().decode(base64);
			if (raw.length != SealingKey.KEY_BYTES) {
				throw new IllegalStateException("Payload keys must be 32 bytes (AES-256), base64");
			}
			byte[] digest = Digests.sha256(raw);
			byte[] header = new byte[HEADER_BYTES];
			header[0] = FORMAT;
			System.arraycopy(digest, 0, header, 1, KEY_ID_BYTES);
			String id = "pk-" + HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
			return new PayloadKey(id, header, raw, SealingKey.of(raw));
		}

		// Names the key by its id only, never its bytes.
		@Override
		public String toString() {
			return "PayloadKey[" + this.id + "]";
		}

	}

}
