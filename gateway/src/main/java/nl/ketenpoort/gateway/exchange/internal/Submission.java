package nl.ketenpoort.gateway.exchange.internal;

import java.util.Set;

import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import nl.ketenpoort.gateway.exchange.ExchangeTrace;

/**
 * A submission on its way through the accept pipeline; each step returns a copy that
 * knows a little more. Identifiers live here only in memory and never in
 * {@link #toString()}.
 *
 * @param sender the authenticated partner (client id)
 * @param scopes the scopes of the sender's access token
 * @param idempotencyKey the sender's idempotency key
 * @param body the request body as received over the API (empty for a file)
 * @param request the request, once read from the body (or as a file intake made it)
 * @param requestSha256 SHA-256 of the body, to compare repeated submissions
 * @param trace the W3C trace of the request
 * @param type the document type, once parsed
 * @param purpose the purpose, once parsed
 * @param recipient the recipient partner id, once parsed
 * @param identifiers the subject's V-number and/or BSN, once parsed; kept until persist,
 * which links them in the accepting transaction
 * @param document the canonical document, once parsed
 * @param subject the subject pseudonym, once pseudonymised
 * @param consent the consent relied on, once checked
 * @param minimised the document with only the allowed fields
 */
public record Submission(PartnerId sender, Set<String> scopes, String idempotencyKey, byte[] body,
		@Nullable ExchangeRequest request, String requestSha256, ExchangeTrace trace, @Nullable DocumentType type,
		@Nullable Purpose purpose, @Nullable PartnerId recipient, @Nullable SubjectIdentifiers identifiers,
		@Nullable JsonNode document, @Nullable SubjectRef subject, ConsentDecision.@Nullable Allowed consent,
		@Nullable ObjectNode minimised) {

	/** A submission over the API: its body is read into a request by the first step. */
	static Submission received(PartnerId sender, Set<String> scopes, String idempotencyKey, byte[] body,
			ExchangeTrace trace) {
		return new Submission(sender, Set.copyOf(scopes), idempotencyKey, body, null, PayloadCipher.sha256(body), trace,
				null, null, null, null, null, null, null, null);
	}

	/** A submission whose request was made by the gateway itself, such as from a file. */
	static Submission requested(PartnerId sender, Set<String> scopes, String idempotencyKey, ExchangeRequest request,
			String requestSha256, ExchangeTrace trace) {
		return new Submission(sender, Set.copyOf(scopes), idempotencyKey, new byte[0], request, requestSha256, trace,
				null, null, null, null, null, null, null, null);
	}

	Submission read(ExchangeRequest request) {
		return new Submission(this.sender, this.scopes, this.idempotencyKey, this.body, request, this.requestSha256,
				this.trace, null, null, null, null, null, null, null, null);
	}

	Submission parsed(@Nullable DocumentType type, @Nullable Purpose purpose, @Nullable PartnerId recipient,
			@Nullable SubjectIdentifiers identifiers, @Nullable JsonNode document) {
		return new Submission(this.sender, this.scopes, this.idempotencyKey, this.body, this.request,
				this.requestSha256, this.trace, type, purpose, recipient, identifiers, document, null, null, null);
	}

	Submission pseudonymised(SubjectRef subject) {
		return new Submission(this.sender, this.scopes, this.idempotencyKey, this.body, this.request,
				this.requestSha256, this.trace, this.type, this.purpose, this.recipient, this.identifiers,
				this.document, subject, null, null);
	}

	Submission consented(ConsentDecision.Allowed consent) {
		return new Submission(this.sender, this.scopes, this.idempotencyKey, this.body, this.request,
				this.requestSha256, this.trace, this.type, this.purpose, this.recipient, this.identifiers,
				this.document, this.subject, consent, null);
	}

	Submission minimised(ObjectNode minimised) {
		return new Submission(this.sender, this.scopes, this.idempotencyKey, this.body, this.request,
				this.requestSha256, this.trace, this.type, this.purpose, this.recipient, this.identifiers, null,
				this.subject, this.consent, minimised);
	}

	@Override
	public String toString() {
		return "Submission[sender=" + this.sender + ", type=" + this.type + ", purpose="
				+ ((this.purpose != null) ? this.purpose.code() : null) + ", recipient=" + this.recipient + "]";
	}

}
