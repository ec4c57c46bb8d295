package nl.ketenpoort.gateway.exchange;

/**
 * An accepted exchange was refused at delivery or collection: the consent it was accepted
 * under no longer holds. (A submission refused before it was accepted is a
 * {@link SubmissionRefused}.)
 *
 * @param exchange the exchange as refused
 * @param reason the registry's denial reason
 * @param collected whether it was refused as its recipient collected it (pull)
 */
public record ExchangeWithheld(Exchange exchange, String reason, boolean collected) {

}
