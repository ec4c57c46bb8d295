package nl.ketenpoort.gateway.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Reads, never writes, the exchanges for the console: one status holder's documents as
 * far as the reader's organisation sent or received them.
 */
@Component
class SubjectDocuments {

	private final Exchanges exchanges;

	SubjectDocuments(Exchanges exchanges) {
		this.exchanges = exchanges;
	}

	/** The documents of a subject that one of these partners sent or received. */
	List<Document> of(String subjectRef, List<String> partners) {
		return this.exchanges.about(new SubjectRef(subjectRef), ids(partners))
			.stream()
			.map(SubjectDocuments::document)
			.toList();
	}

	/**
	 * The latest delivered handover notice about this subject addressed to one of these
	 * partners: it names the receiving contact person.
	 */
	Optional<UUID> latestHandoverNotice(String subjectRef, List<String> partners) {
		return this.exchanges.latestDelivered(new SubjectRef(subjectRef), DocumentType.of("handover-notice"),
				ids(partners));
	}

	private static List<PartnerId> ids(List<String> partners) {
		return partners.stream().map(PartnerId::of).toList();
	}

	private static Document document(Exchange exchange) {
		return new Document(exchange.id(), exchange.documentType().code(), exchange.purpose().value(),
				exchange.sender().value(), exchange.recipient().value(), exchange.status().code(),
				exchange.acceptedAt(), exchange.deliveredAt());
	}

	/** One exchange about the subject, without its content. */
	record Document(UUID id, String documentType, String purpose, String sender, String recipient, String status,
			Instant acceptedAt, @Nullable Instant deliveredAt) {
	}

}
