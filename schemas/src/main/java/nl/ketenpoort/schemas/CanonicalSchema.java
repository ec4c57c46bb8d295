package nl.ketenpoort.schemas;

/**
 * A JSON Schema that Ketenpoort ships: an exchanged {@link DocumentType} or a
 * {@link SupportingSchema} that documents and checks what the gateway itself produces.
 */
public sealed interface CanonicalSchema permits DocumentType, SupportingSchema {

	/** The stable code, also the schema's file name without {@code .schema.json}. */
	String code();

	/** Classpath location of the JSON Schema. */
	default String schemaResource() {
		return "schemas/" + code() + ".schema.json";
	}

}
