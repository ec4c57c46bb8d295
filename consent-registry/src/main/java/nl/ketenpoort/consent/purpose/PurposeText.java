package nl.ketenpoort.consent.purpose;

import java.text.Normalizer;

import nl.ketenpoort.keys.Digests;

/**
 * A purpose's title and plain-language explanation in one language, as shown to the
 * status holder before consenting.
 *
 * @param language ISO 639-1 code
 * @param title short title
 * @param explanation plain-language explanation (B1)
 * @param machineDraft {@code true} while the text is a machine-made draft translation
 * awaiting review by a qualified translator
 */
public record PurposeText(String language, String title, String explanation, boolean machineDraft) {

	/**
	 * The exact text that is shown for consent and hashed into the statement: the title,
	 * an empty line and the explanation, each trimmed, line breaks as {@code \n}, Unicode
	 * NFC. Portals must display this string (or a rendering of exactly these characters)
	 * so that the {@code text_sha256} claim proves what the status holder was shown.
	 * @return the canonical text
	 */
	public String canonical() {
		String text = normalise(this.title) + "\n\n" + normalise(this.explanation);
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	/**
	 * SHA-256 of the UTF-8 bytes of {@link #canonical()}, lowercase hex.
	 * @return the hash carried as {@code text_sha256}
	 */
	public String sha256() {
		return Digests.sha256Hex(canonical());
	}

	private static String normalise(String part) {
		return part.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

}
