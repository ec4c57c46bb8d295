package nl.ketenpoort.gateway.partner.internal;

/**
 * The configured partner registry contradicts itself or the chain's rules; the gateway
 * does not start with it.
 */
public class PartnerRegistryInvalid extends RuntimeException {

	public PartnerRegistryInvalid(String partnerId, String reason) {
		super("Partner '" + partnerId + "' is configured wrongly: " + reason);
	}

}
