package nl.ketenpoort.gateway.exchange;

/**
 * An exchange was accepted into the outbox. Published inside the accepting transaction:
 * an exchange whose event cannot be recorded is not accepted.
 *
 * @param exchange the exchange as stored
 * @param senderOrganisation the organisation that runs the sender
 * @param trace the trace the submission arrived with
 */
public record ExchangeAccepted(Exchange exchange, String senderOrganisation, ExchangeTrace trace) {

}
