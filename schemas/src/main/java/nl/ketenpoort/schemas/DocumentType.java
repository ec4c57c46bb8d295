package nl.ketenpoort.schemas;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical document types that travel between the chain partners; each constant has
 * exactly one JSON Schema at {@code schemas/<code>.schema.json} on the classpath.
 */
public enum DocumentType implements CanonicalSchema {

	/** The digital client profile that COA keeps in TVS. */
	CLIENT_PROFILE("client-profile"),

	/** NT2 learner characteristics written by the COA language teacher. */
	NT2_LEARNER_PROFILE("nt2-learner-profile"),

	/** Final report of the six-week opstartklas, with the advised course and provider. */
	OPSTARTKLAS_REPORT("opstartklas-report"),

	/** The municipality's personal plan (PIP): goals, course, work and review dates. */
	TRAJECTORY_PLAN("trajectory-plan"),

	/** The receiving partner names its contact person back to the sender. */
	HANDOVER_NOTICE("handover-notice");

	private final String code;

	DocumentType(String code) {
		this.code = code;
	}

	/** The stable code used in the API, the purpose catalogue and the audit log. */
	@Override
	public String code() {
		return this.code;
	}

	/** Classpath location of this type's JSON Schema. */
	@Override
	public String schemaResource() {
		return "schemas/" + this.code + ".schema.json";
	}

	public static Optional<DocumentType> fromCode(String code) {
		return Arrays.stream(values()).filter((type) -> type.code.equals(code)).findFirst();
	}

	/**
	 * The document type with this code.
	 * @param code a document type code such as {@code client-profile}
	 * @return the document type
	 * @throws UnknownDocumentType when no type has this code
	 */
	public static DocumentType of(String code) {
		return fromCode(code).orElseThrow(() -> new UnknownDocumentType(code));
	}

	@Override
	public String toString() {
		return this.code;
	}

}
