package nl.ketenpoort.adapters;

import org.jspecify.annotations.Nullable;
import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * Thrown when a partner's document does not have the partner's native form. The message
 * names the partner, the place (element or property names) and the rule, never a value.
 */
public class NativeDocumentInvalid extends RuntimeException implements CodedFailure {

	private final String partner;

	private final String location;

	public NativeDocumentInvalid(String partner, String location, String reason) {
		this(partner, location, reason, null);
	}

	public NativeDocumentInvalid(String partner, String location, String reason, @Nullable Throwable cause) {
		super("Native " + partner + " document invalid at '" + location + "': " + reason, cause);
		this.partner = partner;
		this.location = location;
	}

	public String partner() {
		return this.partner;
	}

	/** Where the document broke the format: a path of field or element names. */
	public String location() {
		return this.location;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.NATIVE_DOCUMENT_INVALID;
	}

}
