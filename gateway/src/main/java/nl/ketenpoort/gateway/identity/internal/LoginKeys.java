package nl.ketenpoort.gateway.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys under which login attempts are counted, so that the counts hold no username
 * and no client address: an existing account by its user id, an unknown username and
 * every address by an HMAC-SHA256 under a key derived from the pseudonym key (a plain
 * hash of an IPv4 address could be reversed by trying them all).
 */
public final class LoginKeys {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	LoginKeys(byte[] pseudonymKey) {
		// A key of its own, so that these digests can never equal a subject pseudonym.
		this.key = new SecretKeySpec(hmac(new SecretKeySpec(pseudonymKey, ALGORITHM), "ketenpoort:login-attempts"),
				ALGORITHM);
	}

	/** The key of an account: its user id, or for an unknown username a digest of it. */
	String account(Optional<UUID> userId, String username) {
		return userId.map(UUID::toString).orElseGet(() -> digest("username:" + username));
	}

	/** The key of a client address. */
	public String address(String address) {
		return digest("address:" + address);
	}

	private String digest(String value) {
		return "h:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(this.key, value));
	}

	private static byte[] hmac(SecretKeySpec key, String value) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

}
