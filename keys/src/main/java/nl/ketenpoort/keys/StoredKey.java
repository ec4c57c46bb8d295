package nl.ketenpoort.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.ECKey;
import org.jspecify.annotations.Nullable;

/**
 * One signing key of a purpose as the store knows it, public part only.
 *
 * @param kid the key id (JWK {@code kid})
 * @param createdAt when it was made
 * @param retiredAt when a newer key took over signing; null while it is the active key
 * @param publicKey its public part
 */
public record StoredKey(String kid, Instant createdAt, @Nullable Instant retiredAt, ECKey publicKey) {

	/** Whether this key signs new statements. */
	public boolean active() {
		return this.retiredAt == null;
	}

}
