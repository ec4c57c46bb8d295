package nl.ketenpoort.consent.purpose;

import java.util.Arrays;
import java.util.Optional;

/**
 * The GDPR ground a purpose relies on, from a closed list. Ketenpoort carries flows on
 * the status holder's consent today: a purpose on another ground needs a signed statement
 * of that ground instead of a consent, which the registry does not issue yet, so the
 * catalogue refuses such a purpose ({@link #carried()}).
 */
public enum LegalBasis {

	/** Consent, GDPR Art. 6(1)(a). */
	CONSENT("gdpr-6-1-a", "GDPR Art. 6(1)(a)", "consent", true),

	/**
	 * Explicit consent, GDPR Art. 9(2)(a) on top of Art. 6(1)(a): required when
	 * special-category data (health, wellbeing) is included.
	 */
	EXPLICIT_CONSENT("gdpr-9-2-a", "GDPR Art. 9(2)(a)", "explicit consent (special-category data)", true),

	/**
	 * A task in the public interest or in the exercise of official authority, GDPR Art.
	 * 6(1)(e): for a public body acting on its statutory task, where consent would not be
	 * freely given.
	 */
	PUBLIC_TASK("gdpr-6-1-e", "GDPR Art. 6(1)(e)", "public task", false),

	/** A legal obligation of the controller, GDPR Art. 6(1)(c). */
	LEGAL_OBLIGATION("gdpr-6-1-c", "GDPR Art. 6(1)(c)", "legal obligation", false);

	private final String code;

	private final String article;

	private final String ground;

	private final boolean consent;

	LegalBasis(String code, String article, String ground, boolean consent) {
		this.code = code;
		this.article = article;
		this.ground = ground;
		this.consent = consent;
	}

	/** The article it rests on, such as {@code GDPR Art. 6(1)(e)}. */
	public String article() {
		return this.article;
	}

	/** What the ground is, in a few English words. */
	public String ground() {
		return this.ground;
	}

	/** Whether the status holder's consent is the ground. */
	public boolean consent() {
		return this.consent;
	}

	/**
	 * Whether Ketenpoort can carry a flow on this ground today: consent only, until the
	 * registry issues signed statements of the other grounds.
	 */
	public boolean carried() {
		return this.consent;
	}

	/**
	 * The stable code used in the catalogue, the statement's {@code basis} claim and the
	 * audit log.
	 */
	public String code() {
		return this.code;
	}

	public static Optional<LegalBasis> fromCode(String code) {
		return Arrays.stream(values()).filter((basis) -> basis.code.equals(code)).findFirst();
	}

}
