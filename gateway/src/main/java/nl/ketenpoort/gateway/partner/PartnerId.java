package nl.ketenpoort.gateway.partner;

/**
 * The id of a partner system as registered in {@code ketenpoort.partners}, such as
 * {@code tvs}; it is also the partner's OAuth2 client id.
 *
 * @param value the id
 */
public record PartnerId(String value) {

	public PartnerId {
		if (value == null || value.isBlank()) {
			throw new PartnerIdInvalid();
		}
	}

	public static PartnerId of(String value) {
		return new PartnerId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** A partner id must name something: it is never blank. */
	static final class PartnerIdInvalid extends RuntimeException {

		PartnerIdInvalid() {
			super("A partner id is never blank");
		}

	}

}
