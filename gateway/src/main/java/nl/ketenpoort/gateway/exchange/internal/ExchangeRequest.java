package nl.ketenpoort.gateway.exchange.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a partner submits, the same for the API (read from the JSON body) and for TVS's
 * export files (made from the export): the codes as given, which the accept route
 * resolves and refuses when they name nothing, the subject's identifiers and the
 * document. Identifiers and content never appear in {@link #toString()}. The codes and
 * the document are null only where an API body lacked them, which the accept route
 * refuses.
 *
 * @param documentType the document type code
 * @param purpose the purpose code
 * @param recipient the recipient's partner id
 * @param vNumber the subject's V-number, if given
 * @param bsn the subject's BSN, if given
 * @param document the canonical document
 */
record ExchangeRequest(@Nullable String documentType, @Nullable String purpose, @Nullable String recipient,
		@Nullable String vNumber, @Nullable String bsn, @Nullable JsonNode document) {

	@Override
	public String toString() {
		return "ExchangeRequest[documentType=" + this.documentType + ", purpose=" + this.purpose + ", recipient="
				+ this.recipient + "]";
	}

}
