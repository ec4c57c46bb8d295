package nl.ketenpoort.gateway.security;

import java.util.List;
import java.util.Map;

/**
 * What the generated requests may refer to: the status holder whose consents cover the
 * valid submissions, a second status holder, ids that exist (a consent, an exchange), the
 * credentials by name (header value, or {@code null} for none) and the text digest of the
 * consent a near-valid grant names.
 */
record FuzzFixture(String vNumber, String otherVNumber, List<String> knownIds, Map<String, String> credentials,
		String grantTextSha256) {

	/** Credentials that name no one or the wrong kind of one, for the record. */
	static final String ANONYMOUS = "anonymous";

	List<String> credentialNames() {
		return List.copyOf(this.credentials.keySet());
	}

}
