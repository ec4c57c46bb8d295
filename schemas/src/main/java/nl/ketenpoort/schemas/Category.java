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
	IDENTITY("identity", false, "who the status holder is: V-number, BSN, name, date of birth, country of origin"),

	/** How to reach a professional: name, role, phone, e-mail. */
	CONTACT("contact", false, "how to reach a professional: name, role, phone, e-mail"),

	/** Schooling, diplomas and their evaluation. */
	EDUCATION("education", false, "schooling, diplomas and their evaluation"),

	/** Work experience and steps towards work. */
	WORK("work", false, "work experience and steps towards work"),

	/** Languages spoken, their level and the need for an interpreter. */
	LANGUAGE("language", false, "languages spoken, their level and the need for an interpreter"),

	/** Family composition and family reunification. */
	FAMILY("family", false, "family composition and family reunification"),

	/** Wishes for the future. */
	WISHES("wishes", false, "wishes for the future"),

	/**
	 * Practical matters arranged: DigiD, allowances, bank account, insurance, housing.
	 */
	PRACTICAL("practical", false, "practical matters arranged: DigiD, allowances, bank account, insurance, housing"),

	/**
	 * Taking part in programmes: voorinburgering, opstartklas, participation, attendance.
	 */
	PARTICIPATION("participation", false,
			"taking part in programmes: voorinburgering, opstartklas, participation, attendance"),

	/** Benefit and income matters such as recorded benefit deductions. */
	INCOME("income", false, "benefit and income matters such as recorded benefit deductions"),

	/** Free-text notes and impressions of professionals. */
	CASE_NOTES("case-notes", false, "free-text notes and impressions of professionals"),

	/** Learner characteristics: levels per skill, learnability, learning style. */
	LEARNING("learning", false, "learner characteristics: levels per skill, learnability, learning style"),

	/** Plans and advice: goals, advised course and provider, review and contact dates. */
	PLANNING("planning", false, "plans and advice: goals, advised course and provider, review and contact dates"),

	/** References to exchanges, document types and partner organisations. */
	EXCHANGE("exchange", false, "references to exchanges, document types and partner organisations"),

	/** Claims of a consent statement. */
	CONSENT("consent", false, "claims of a consent statement"),

	/** Fields of an audit event. */
	AUDIT("audit", false, "fields of an audit event"),

	/** Physical health and care indications: special category data (GDPR Art. 9). */
	HEALTH("health", true, "physical health and care indications: special category data (GDPR Art. 9)"),

	/** Mental load and psychological wellbeing: special category data (GDPR Art. 9). */
	WELLBEING("wellbeing", true, "mental load and psychological wellbeing: special category data (GDPR Art. 9)");

	private final String code;

	private final boolean special;

	private final String description;

	Category(String code, boolean special, String description) {
		this.code = code;
		this.special = special;
		this.description = description;
	}

	/** The code used as {@code x-category} in the schemas and in purpose field lists. */
	public String code() {
		return this.code;
	}

	/** Whether this is special category data under GDPR Art. 9. */
	public boolean isSpecial() {
		return this.special;
	}

	/** What the category covers, for the reference documentation. */
	public String description() {
		return this.description;
	}

	public static Optional<Category> fromCode(String code) {
		return Arrays.stream(values()).filter((category) -> category.code.equals(code)).findFirst();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
