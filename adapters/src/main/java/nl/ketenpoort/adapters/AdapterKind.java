package nl.ketenpoort.adapters;

import java.util.Arrays;
import java.util.Optional;

/**
 * How documents reach a partner system: one {@link PartnerAdapter} implementation each.
 */
public enum AdapterKind {

	/** The partner's own JSON, posted over HTTP(S). */
	REST_JSON("rest-json"),

	/** The partner's own JSON, written as a file into a directory the partner reads. */
	FILE_DROP("file-drop");

	private final String code;

	AdapterKind(String code) {
		this.code = code;
	}

	/** The stable code used in partner configuration, e.g. {@code rest-json}. */
	public String code() {
		return this.code;
	}

	public static Optional<AdapterKind> fromCode(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code.equals(code)).findFirst();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
