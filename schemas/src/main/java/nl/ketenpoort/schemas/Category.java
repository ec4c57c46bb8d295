package nl.ketenpoort.schemas;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed vocabulary of field categories: every property in every schema carries one
 * of these codes as {@code x-category}, and minimisation and GDPR Art. 9 handling are
 * driven by them.
 */
public enum Category {

	/**
	 * Who the status holder is: V-number, BSN, name, date of birth, country of origin.
	 */
	IDENTITY("identity", false),

	/** How to reach a professional: name, role, phone, e-mail. */
	CONTACT("contact", false),

	/** Schooling, diplomas and their evaluation. */
	EDUCATION("education", false),

	/** Work experience and steps towards work. */
	WORK("work", false),

	/** Languages spoken, their level and the need for an interpreter. */
	LANGUAGE("language", false),

	/** Family composition and family reunification. */
	FAMILY("family", false),

	/** Wishes for the future. */
	WISHES("wishes", false),

	/**
	 * Practical matters arranged: DigiD, allowances, bank account, insurance, housing.
	 */
	PRACTICAL("practical", false),

	/**
	 * Taking part in programmes: voorinburgering, opstartklas, participation, attendance.
	 */
	PARTICIPATION("participation", false),

	/** Benefit and income matters such as recorded benefit deductions. */
	INCOME("income", false),

	/** Free-text notes and impressions of professionals. */
	CASE_NOTES("case-notes", false),

	/** Learner characteristics: levels per skill, learnability, learning style. */
	LEARNING("learning", false),

	/** Plans and advice: goals, advised course and provider, review and contact dates. */
	PLANNING("planning", false),

	/** References to exchanges, document types and partner organisations. */
	EXCHANGE("exchange", false),

	/** Claims of a consent statement. */
	CONSENT("consent", false),

	/** Fields of an audit event. */
	AUDIT("audit", false),

	/** Physical health and care indications: special category data (GDPR Art. 9). */
	HEALTH("health", true),

	/** Mental load and psychological wellbeing: special category data (GDPR Art. 9). */
	WELLBEING("wellbeing", true);

	private final String code;

	private final boolean special;

	Category(String code, boolean special) {
		this.code = code;
		this.special = special;
	}

	/** The code used as {@code x-category} in the schemas and in purpose field lists. */
	public String code() {
		return this.code;
	}

	/** Whether this is special category data under GDPR Art. 9. */
	public boolean isSpecial() {
		return this.special;
	}

	public static Optional<Category> fromCode(String code) {
		return Arrays.stream(values()).filter((category) -> category.code.equals(code)).findFirst();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
