package nl.ketenpoort.adapters;

import java.util.Set;

import nl.ketenpoort.schemas.DocumentType;

/**
 * Delivers canonical documents to one partner system in that partner's native format.
 * <p>
 * Implementations never throw for what happens at the partner: every failure is a
 * {@link DeliveryOutcome}. They are thread-safe and keep no state between deliveries, so
 * retrying is the caller's business (with the same idempotency key).
 */
public interface PartnerAdapter {

	/**
	 * The partner id, e.g. {@code raak}.
	 * @return the partner id
	 */
	String partner();

	/**
	 * How this adapter reaches its partner.
	 * @return the adapter kind
	 */
	AdapterKind kind();

	/**
	 * The document types the partner receives.
	 * @return the receivable types
	 */
	Set<DocumentType> receives();

	/**
	 * Maps the document to the partner's format and hands it over once.
	 * @param delivery the document and what travels with it
	 * @return the outcome of this one attempt
	 */
	DeliveryOutcome deliver(Delivery delivery);

}
