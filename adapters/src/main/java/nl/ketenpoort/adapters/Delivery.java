package nl.ketenpoort.adapters;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.schemas.DocumentType;

/**
 * One canonical document to deliver to one partner, with what travels beside it.
 * <p>
 * The exchange id, idempotency key, consent statement and trace parent end up in HTTP
 * headers or file names, so they are checked here against their formats: nothing a
 * partner sends us can smuggle a header line or a path into a delivery.
 *
 * @param exchangeId the gateway's exchange id; also names the file of a file drop
 * @param idempotencyKey sent as {@code Idempotency-Key}, so a partner can drop a repeat
 * @param documentType the canonical type of {@code document}
 * @param document the canonical (already minimised) document
 * @param consentStatement the signed consent statement, a compact JWS, sent as
 * {@code Ketenpoort-Consent}
 * @param traceparent the W3C trace context of this delivery, or {@code null}
 * @param target the partner endpoint ({@code http:}/{@code https:}) or directory
 * ({@code file:})
 */
public record Delivery(String exchangeId, String idempotencyKey, DocumentType documentType, JsonNode document,
		String consentStatement, @Nullable String traceparent, URI target) {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

	private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	public Delivery {
		Objects.requireNonNull(documentType, "documentType");
		Objects.requireNonNull(document, "document");
		Objects.requireNonNull(target, "target");
		check(exchangeId != null && TOKEN.matcher(exchangeId).matches(), "exchangeId");
		check(idempotencyKey != null && TOKEN.matcher(idempotencyKey).matches(), "idempotencyKey");
		check(consentStatement != null && COMPACT_JWS.matcher(consentStatement).matches(), "consentStatement");
		check(traceparent == null || TRACEPARENT.matcher(traceparent).matches(), "traceparent");
		check(target.isAbsolute() && target.getScheme() != null, "target");
	}

	private static void check(boolean valid, String component) {
		if (!valid) {
			throw new DeliveryInvalid(component);
		}
	}

	/** The target's scheme in lower case, e.g. {@code https} or {@code file}. */
	public String targetScheme() {
		return this.target.getScheme().toLowerCase(java.util.Locale.ROOT);
	}

}
