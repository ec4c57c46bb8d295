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

	/** The shape of a pseudonym, as a regular expression (audit schema, audit gate). */
	public static final String SHAPE = "(vnr|bsn)_[A-Za-z0-9_-]{43}";

	private static final Pattern FORMAT = Pattern.compile(SHAPE);

	public SubjectRef {
		if (!isPseudonym(pseudonym)) {
			throw new IllegalArgumentException("Not a subject pseudonym");
		}
	}

	/** Whether a value has the shape of a subject pseudonym. */
	public static boolean isPseudonym(String value) {
		return FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.pseudonym;
	}

}
