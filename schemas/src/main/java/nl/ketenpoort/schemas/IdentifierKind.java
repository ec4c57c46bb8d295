package nl.ketenpoort.schemas;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of personal identifier a status holder is known by; a schema marks the fields
 * that hold them with {@code x-subject-identifier} and this code.
 */
public enum IdentifierKind {

	/** Vreemdelingennummer, issued by COA/IND: up to ten digits. */
	V_NUMBER("v-number"),

	/** Citizen service number, after registration with the municipality: the 11-test. */
	BSN("bsn");

	private final String code;

	IdentifierKind(String code) {
		this.code = code;
	}

	/** The code used in schema annotations and reason codes, such as {@code v-number}. */
	public String code() {
		return this.code;
	}

	public static Optional<IdentifierKind> fromCode(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code.equals(code)).findFirst();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
