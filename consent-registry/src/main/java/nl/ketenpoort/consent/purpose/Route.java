package nl.ketenpoort.consent.purpose;

import java.util.List;
import java.util.Set;

import nl.ketenpoort.schemas.DocumentType;

/**
 * One allowed flow inside a purpose: a sender may send these document types to these
 * recipients.
 *
 * @param documentTypes the document types on this route
 * @param from the sending partner id
 * @param to the partner ids that may receive
 */
public record Route(Set<DocumentType> documentTypes, String from, List<String> to) {

	public Route {
		documentTypes = Set.copyOf(documentTypes);
		to = List.copyOf(to);
	}

	/** Whether this route carries the document type from the sender to the recipient. */
	public boolean covers(String sender, String recipient, DocumentType type) {
		return this.from.equals(sender) && this.to.contains(recipient) && this.documentTypes.contains(type);
	}

}
