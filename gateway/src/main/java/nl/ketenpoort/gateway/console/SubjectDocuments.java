package nl.ketenpoort.gateway.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads, never writes, the exchange table for the console: one status holder's documents
 * as far as the reader's organisation sent or received them.
 */
@Component
class SubjectDocuments {

	private final JdbcClient jdbc;

	SubjectDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The documents of a subject that one of these partners sent or received. */
	List<Document> of(String subjectRef, List<String> partners) {
		String[] visible = partners.toArray(String[]::new);
		return this.jdbc.sql("""
				SELECT id, document_type, purpose, sender, recipient, status, accepted_at, delivered_at
				FROM exchange
				WHERE subject_ref = ? AND (sender = ANY(?) OR recipient = ANY(?))
				ORDER BY accepted_at DESC LIMIT 500""")
			.params(subjectRef, visible, visible)
			.query(SubjectDocuments::document)
			.list();
	}

	/**
	 * The latest delivered handover notice about this subject addressed to one of these
	 * partners: it names the receiving contact person.
	 */
	Optional<UUID> latestHandoverNotice(String subjectRef, List<String> partners) {
		return this.jdbc.sql("""
				SELECT id FROM exchange
				WHERE subject_ref = ? AND document_type = 'handover-notice' AND status = 'delivered'
				AND recipient = ANY(?)
				ORDER BY delivered_at DESC NULLS LAST LIMIT 1""")
			.params(subjectRef, partners.toArray(String[]::new))
			.query(UUID.class)
			.optional();
	}

	private static Document document(ResultSet rs, int row) throws SQLException {
		return new Document(rs.getObject("id", UUID.class), rs.getString("document_type"), rs.getString("purpose"),
				rs.getString("sender"), rs.getString("recipient"), rs.getString("status"),
				rs.getTimestamp("accepted_at").toInstant(), instant(rs.getTimestamp("delivered_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** One exchange about the subject, without its content. */
	record Document(UUID id, String documentType, String purpose, String sender, String recipient, String status,
			Instant acceptedAt, @Nullable Instant deliveredAt) {
	}

}
