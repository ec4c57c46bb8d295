package nl.ketenpoort.gateway.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.identity.AccessPolicy.EventScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.internal.AuditRows;

/**
 * Reads the audit log for people: searches, the trail of one exchange, and per-purpose
 * counts, always within the partners the reader may see.
 */
@Component
public class AuditQueries {

	/**
	 * The recipients of an event as an array: consent events name every recipient of the
	 * route in one column, joined by commas ({@code raak,vvs}).
	 */
	private static final String RECIPIENTS = "string_to_array(recipient, ',')";

	/**
	 * What readers see: the chained events and those staged but not chained yet (no
	 * position; {@code chained: false} in the API), which the chainer links moments
	 * later. PostgreSQL applies each condition to both tables.
	 */
	private static final String LOG = "(SELECT " + AuditRows.COLUMNS + " FROM audit_event UNION ALL SELECT "
			+ AuditRows.COLUMNS + " FROM audit_staged) AS audit_log";

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What to search for; {@code null} members do not filter. */
	public record Criteria(@Nullable String subjectRef, @Nullable String partner, @Nullable String purpose,
			@Nullable String outcome, @Nullable String eventType, @Nullable Instant from, @Nullable Instant to) {
	}

	/**
	 * Events that match, newest first, within what the reader may see ({@code scope},
	 * decided by the {@link AccessPolicy}): the events about one subject, or those in
	 * which a partner system of the reader's organisation took part as sender or as one
	 * of the recipients, or which a person of that organisation caused.
	 */
	public List<AuditRecord> search(Criteria criteria, EventScope scope, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		within(where, params, scope);
		filter(where, params, "subject_ref = ?", criteria.subjectRef());
		if (criteria.partner() != null) {
			where.append(" AND (sender = ? OR ? = ANY(" + RECIPIENTS + "))");
			params.add(criteria.partner());
			params.add(criteria.partner());
		}
		filter(where, params, "purpose = ?", criteria.purpose());
		filter(where, params, "outcome = ?", criteria.outcome());
		filter(where, params, "event_type = ?", criteria.eventType());
		filter(where, params, "recorded_at >= ?", (criteria.from() != null) ? Timestamp.from(criteria.from()) : null);
		filter(where, params, "recorded_at < ?", (criteria.to() != null) ? Timestamp.from(criteria.to()) : null);
		params.add(size);
		params.add((long) page * size);
		return this.jdbc
			.sql("SELECT " + AuditRows.COLUMNS + " FROM " + LOG + where
					+ " ORDER BY position DESC NULLS FIRST, recorded_at DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(AuditRows.MAPPER)
			.list();
	}

	/**
	 * One chained event, if it is within what the reader may see (the same rule as
	 * {@link #search}).
	 */
	public Optional<AuditRecord> chainedEvent(UUID eventId, EventScope scope) {
		StringBuilder where = new StringBuilder(" WHERE event_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(eventId);
		within(where, params, scope);
		return this.jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event" + where)
			.params(params)
			.query(AuditRows.MAPPER)
			.optional();
	}

	private static void within(StringBuilder where, List<Object> params, EventScope scope) {
		filter(where, params, "subject_ref = ?", scope.subject());
		if (scope.organisation() != null) {
			where.append(" AND (sender = ANY(?) OR " + RECIPIENTS + " && ?::text[] OR actor_organisation = ?)");
			params.add(scope.partners().toArray(String[]::new));
			params.add(scope.partners().toArray(String[]::new));
			params.add(scope.organisation());
		}
	}

	/** The events of one exchange, in chain order. */
	public List<AuditRecord> trail(UUID exchangeId) {
		return this.jdbc
			.sql("SELECT " + AuditRows.COLUMNS + " FROM " + LOG
					+ " WHERE exchange_id = ? ORDER BY position NULLS LAST, recorded_at")
			.param(exchangeId)
			.query(AuditRows.MAPPER)
			.list();
	}

	/**
	 * Art. 30-style overview: exchanges per purpose, partner pair, outcome and month, of
	 * the exchanges a partner system of the scope's organisation took part in.
	 */
	public List<Map<String, Object>> overview(EventScope scope) {
		String[] partners = scope.partners().toArray(String[]::new);
		return this.jdbc.sql("SELECT purpose, legal_basis, sender, recipient, event_type,"
				+ " to_char(date_trunc('month', recorded_at), 'YYYY-MM') AS month, count(*) AS events" + " FROM " + LOG
				+ " WHERE purpose IS NOT NULL AND event_type IN"
				+ " ('accepted', 'refused', 'delivered', 'failed', 'dead-lettered')" + " AND (sender = ANY(?) OR "
				+ RECIPIENTS + " && ?::text[])" + " GROUP BY purpose, legal_basis, sender, recipient, event_type, month"
				+ " ORDER BY month DESC, purpose, sender, recipient, event_type")
			.params(partners, partners)
			.query()
			.listOfRows();
	}

	private static void filter(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
		if (value != null) {
			where.append(" AND ").append(condition);
			params.add(value);
		}
	}

}
