package nl.ketenpoort.gateway.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sandbox partners received, one row per partner and idempotency key: a repeat
 * is counted, never stored twice, just as a partner system that honours
 * {@code Idempotency-Key} would do.
 */
class ReceivedDocuments {

	private static final String COLUMNS = "id, partner_id, idempotency_key, received_at, document_type, content_type,"
			+ " body, consent_id, traceparent, duplicates";

	private final JdbcClient jdbc;

	private final Clock clock;

	ReceivedDocuments(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A document as the partner keeps it.
	 *
	 * @param id the partner's own receipt id
	 * @param partnerId the sandbox partner
	 * @param idempotencyKey the key it was sent with (the gateway's exchange id)
	 * @param receivedAt when it first arrived
	 * @param documentType the document type, when recognised
	 * @param contentType the media type it arrived as
	 * @param body the document as received
	 * @param consentId the consent its statement names
	 * @param traceparent the W3C trace context it came with
	 * @param duplicates how many repeats with the same key arrived after it
	 */
	record Received(UUID id, String partnerId, String idempotencyKey, Instant receivedAt, @Nullable String documentType,
			@Nullable String contentType, String body, @Nullable UUID consentId, @Nullable String traceparent,
			int duplicates) {

		@Override
		public String toString() {
			return "Received[" + this.partnerId + ", " + this.documentType + "]";
		}

	}

	/**
	 * The outcome of a delivery to the partner.
	 *
	 * @param document what the partner holds under this key
	 * @param first whether this delivery stored it (otherwise it was a repeat)
	 */
	record Stored(Received document, boolean first) {

	}

	Stored store(String partnerId, String idempotencyKey, @Nullable String documentType, @Nullable String contentType,
			String body, @Nullable UUID consentId, @Nullable String traceparent) {
		Instant now = this.clock.instant();
		int inserted = this.jdbc.sql("""
				INSERT INTO sandbox_received (id, partner_id, idempotency_key, received_at, document_type,
					content_type, body, consent_id, traceparent)
				VALUES (:id, :partner, :key, :now, :type, :contentType, :body, :consent, :traceparent)
				ON CONFLICT (partner_id, idempotency_key) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("partner", partnerId)
			.param("key", idempotencyKey)
			.param("now", Timestamp.from(now))
			.param("type", documentType)
			.param("contentType", contentType)
			.param("body", body)
			.param("consent", consentId)
			.param("traceparent", traceparent)
			.update();
		if (inserted == 0) {
			this.jdbc.sql("""
					UPDATE sandbox_received SET duplicates = duplicates + 1, last_duplicate_at = :now
					WHERE partner_id = :partner AND idempotency_key = :key""")
				.param("now", Timestamp.from(now))
				.param("partner", partnerId)
				.param("key", idempotencyKey)
				.update();
		}
		Received document = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM sandbox_received WHERE partner_id = :partner AND idempotency_key = :key")
			.param("partner", partnerId)
			.param("key", idempotencyKey)
			.query(ReceivedDocuments::received)
			.single();
		return new Stored(document, inserted == 1);
	}

	/** What the partner received, oldest first. */
	List<Received> of(String partnerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM sandbox_received WHERE partner_id = :partner ORDER BY received_at, id")
			.param("partner", partnerId)
			.query(ReceivedDocuments::received)
			.list();
	}

	private static Received received(ResultSet rs, int row) throws SQLException {
		return new Received(rs.getObject("id", UUID.class), rs.getString("partner_id"), rs.getString("idempotency_key"),
				rs.getTimestamp("received_at").toInstant(), rs.getString("document_type"), rs.getString("content_type"),
				rs.getString("body"), rs.getObject("consent_id", UUID.class), rs.getString("traceparent"),
				rs.getInt("duplicates"));
	}

}
