package nl.ketenpoort.consent.subject;

import java.util.regex.Pattern;

/**
 * A status holder as the registry knows them: a stable pseudonym, never a V-number or
 * BSN.
 *
 * @param pseudonym {@code vnr_} or {@code bsn_} (the kind of identifier the subject was
 * first known by) followed by the base64url HMAC-SHA256 of that identifier
 */
public record SubjectRef(String pseudonym) {

	private static final Pattern FORMAT = Pattern.compile("(vnr|bsn)_[A-Za-z0-9_-]{43}");

	public SubjectRef {
		if (!FORMAT.matcher(pseudonym).matches()) {
			throw new IllegalArgumentException("Not a subject pseudonym");
		}
	}

	@Override
	public String toString() {
		return this.pseudonym;
	}

}
