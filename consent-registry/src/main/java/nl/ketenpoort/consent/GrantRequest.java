package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.List;

import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

/**
 * A request to record a status holder's consent.
 *
 * @param subject the status holder, from {@code Subjects.resolve}
 * @param purpose the purpose code
 * @param from the sending partner id
 * @param to the receiving partner ids (all on one route of the purpose)
 * @param documents the document types (all on that route)
 * @param validUntil the end of validity; {@code null} means the purpose's maximum
 * @param method how consent was collected
 * @param language the language of the text shown
 * @param textSha256 SHA-256 (hex) of the exact text shown, see
 * {@code PurposeText.canonical()}
 */
public record GrantRequest(SubjectRef subject, String purpose, String from, List<String> to,
		List<DocumentType> documents, @Nullable Instant validUntil, ConsentMethod method, String language,
		String textSha256) {

	public GrantRequest {
		to = List.copyOf(to);
		documents = List.copyOf(documents);
	}

}
