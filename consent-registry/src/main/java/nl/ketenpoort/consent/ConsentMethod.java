package nl.ketenpoort.consent;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * How consent was collected: by the status holder in the portal, or recorded on their
 * behalf by a professional from a signed paper form or with an interpreter.
 *
 * @param kind the way consent was collected
 * @param recordedBy the professional who recorded it (user id), required for on-behalf
 * kinds
 * @param reference where the evidence is: the paper form's archive reference, or the
 * interpreter's reference (e.g. the interpreting agency's booking number)
 */
public record ConsentMethod(Kind kind, @Nullable String recordedBy, @Nullable String reference) {

	/** Given by the status holder in the portal. */
	public static ConsentMethod portal() {
		return new ConsentMethod(Kind.PORTAL, null, null);
	}

	/** Recorded by a professional from a paper form signed by the status holder. */
	public static ConsentMethod onBehalfPaper(String recordedBy, String evidenceReference) {
		return new ConsentMethod(Kind.ON_BEHALF_PAPER, recordedBy, evidenceReference);
	}

	/** Recorded by a professional after the text was explained by an interpreter. */
	public static ConsentMethod onBehalfInterpreter(String recordedBy, String interpreterReference) {
		return new ConsentMethod(Kind.ON_BEHALF_INTERPRETER, recordedBy, interpreterReference);
	}

	/** Whether the fields the kind requires are present. */
	boolean isComplete() {
		return switch (this.kind) {
			case PORTAL -> true;
			case ON_BEHALF_PAPER, ON_BEHALF_INTERPRETER -> present(this.recordedBy) && present(this.reference);
		};
	}

	/** Who performed the grant, for the history. */
	String actor() {
		return (this.recordedBy != null) ? this.recordedBy : "status-holder";
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/** The ways consent can be collected. */
	public enum Kind {

		/** The status holder in the portal. */
		PORTAL("portal"),

		/** A professional, from a signed paper form. */
		ON_BEHALF_PAPER("on-behalf-paper"),

		/** A professional, with an interpreter explaining the text. */
		ON_BEHALF_INTERPRETER("on-behalf-interpreter");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		/**
		 * The stable code used in the database and the statement's {@code method} claim.
		 */
		public String code() {
			return this.code;
		}

		static Kind fromCode(String code) {
			return Arrays.stream(values())
				.filter((kind) -> kind.code.equals(code))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Unknown consent method in the database: " + code));
		}

	}

}
