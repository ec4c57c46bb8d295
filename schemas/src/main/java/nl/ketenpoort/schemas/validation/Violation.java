package nl.ketenpoort.schemas.validation;

/**
 * One schema violation: where (a JSON pointer into the document), which rule (the JSON
 * Schema keyword) and a message built from the schema only, so it never echoes document
 * content.
 * <p>
 * For {@code required} the pointer names the missing property, for
 * {@code additionalProperties} the property that is not allowed.
 *
 * @param pointer RFC 6901 JSON pointer, {@code ""} for the document itself
 * @param keyword the JSON Schema keyword that failed, e.g. {@code format}
 * @param message a message naming the rule, never the value
 */
public record Violation(String pointer, String keyword, String message) {

	@Override
	public String toString() {
		return (this.pointer.isEmpty() ? "/" : this.pointer) + " [" + this.keyword + "] " + this.message;
	}

}
