package nl.ketenpoort.gateway.consent.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A grant as submitted; on-behalf grants name the status holder and the evidence. Every
 * member may be absent in the request, so {@link #missing} is asked before any is used.
 */
record GrantForm(@Nullable String purpose, @Nullable String from, @Nullable List<@Nullable String> to,
		@Nullable List<@Nullable String> documentTypes, @Nullable String language, @Nullable String textSha256,
		@Nullable Instant validUntil, @Nullable String method, @Nullable String vNumber,
		@Nullable String evidenceReference) {

	/**
	 * JSON pointers of the required members that are absent, null or blank; an on-behalf
	 * grant also needs the status holder and the evidence. Pointers only: the values may
	 * be personal data.
	 */
	List<String> missing(boolean onBehalf) {
		List<String> missing = new ArrayList<>();
		text("/purpose", this.purpose, missing);
		text("/from", this.from, missing);
		list("/to", this.to, missing);
		list("/documentTypes", this.documentTypes, missing);
		text("/language", this.language, missing);
		text("/textSha256", this.textSha256, missing);
		if (onBehalf) {
			text("/vNumber", this.vNumber, missing);
			text("/evidenceReference", this.evidenceReference, missing);
		}
		return missing;
	}

	private static void text(String pointer, @Nullable String value, List<String> missing) {
		if (value == null || value.isBlank()) {
			missing.add(pointer);
		}
	}

	private static void list(String pointer, @Nullable List<@Nullable String> values, List<String> missing) {
		if (values == null) {
			missing.add(pointer);
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			text(pointer + "/" + i, values.get(i), missing);
		}
	}

}
