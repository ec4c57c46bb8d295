package nl.ketenpoort.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The stable error codes of Ketenpoort: clients switch on {@code code}, never on the
 * human {@code detail}. Each code has a section in {@code docs/problems.md}; every
 * library code ({@code FailureCode}) is one of them, with the status its kind maps to.
 */
public enum ProblemCode {

	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),

	INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid request parameter"),

	IDENTIFIER_IN_QUERY(HttpStatus.BAD_REQUEST, "Identifier in the query string"),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required"),

	FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),

	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),

	CONFLICT(HttpStatus.CONFLICT, "Conflict"),

	PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request"),

	IDEMPOTENCY_KEY_MISSING(HttpStatus.BAD_REQUEST, "Idempotency-Key header missing"),

	SENDER_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Sender not allowed"),

	RECIPIENT_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Recipient not allowed"),

	CONSENT_REFUSED(HttpStatus.FORBIDDEN, "No valid consent"),

	IDEMPOTENCY_CONFLICT(HttpStatus.CONFLICT, "Idempotency key reused with another request"),

	CONSENT_OVERLAPS(HttpStatus.CONFLICT, "Overlaps an active consent"),

	INVALID_GRANT(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid consent grant"),

	// Body validation failures answer 400 (API Design Rules
	// /core/error-handling/invalid-input); their codes predate that and stay.

	INVALID_ENVELOPE(HttpStatus.BAD_REQUEST, "Invalid exchange request"),

	UNKNOWN_DOCUMENT_TYPE(HttpStatus.BAD_REQUEST, "Unknown document type"),

	UNKNOWN_PURPOSE(HttpStatus.BAD_REQUEST, "Unknown purpose"),

	UNKNOWN_RECIPIENT(HttpStatus.BAD_REQUEST, "Unknown recipient"),

	INVALID_SUBJECT(HttpStatus.BAD_REQUEST, "Invalid subject identifier"),

	SUBJECT_MISMATCH(HttpStatus.BAD_REQUEST, "Document is about another status holder"),

	SCHEMA_VIOLATION(HttpStatus.BAD_REQUEST, "Document does not match its schema"),

	INVALID_MANDATE(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid mandate"),

	UNKNOWN_SUBJECT(HttpStatus.BAD_REQUEST, "Unknown status holder"),

	MANDATE_OVERLAPS(HttpStatus.CONFLICT, "Overlaps an active mandate"),

	LOGIN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins"),

	LOGIN_LOCKED(HttpStatus.TOO_MANY_REQUESTS, "Login locked"),

	LOGIN_REFUSED(HttpStatus.FORBIDDEN, "Login refused"),

	NATIVE_DOCUMENT_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid partner document"),

	DOCUMENT_NOT_MAPPABLE(HttpStatus.UNPROCESSABLE_CONTENT, "Document not mappable"),

	DELIVERY_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid delivery"),

	NO_ADAPTER(HttpStatus.SERVICE_UNAVAILABLE, "No adapter"),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

	private final HttpStatus status;

	private final String title;

	ProblemCode(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** A detail for when nothing more specific is known; never quotes the request. */
	public String defaultDetail() {
		return switch (this) {
			case NOT_FOUND -> "No resource exists at this path.";
			case METHOD_NOT_ALLOWED -> "This path does not support the request method.";
			case NOT_ACCEPTABLE -> "None of the media types in the Accept header can be produced here.";
			case UNSUPPORTED_MEDIA_TYPE -> "The request body's media type is not supported here.";
			case UNAUTHORIZED -> "A valid access token or login is required.";
			case FORBIDDEN -> "You are not allowed to do this.";
			case INTERNAL_ERROR -> "Something went wrong on our side. Quote the trace id when you report it.";
			default -> this.title + ".";
		};
	}

	/**
	 * The RFC 9457 {@code type}: a stable URI per code, documented in docs/problems.md.
	 */
	public URI type() {
		return Problems.type(name());
	}

	/** The section of {@code docs/problems.md} that explains this code. */
	public URI documentation() {
		return Problems.documentation(name());
	}

	/** The generic code for an HTTP status that no more specific code explains. */
	public static ProblemCode forStatus(int status) {
		return switch (status) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> UNPROCESSABLE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL_ERROR : MALFORMED_REQUEST;
		};
	}

}
