package nl.ketenpoort.gateway.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How delivery to each partner goes: what waits, when the last delivery succeeded, and
 * what the last problem was.
 */
@Component
public class PartnerHealth {

	private final JdbcClient jdbc;

	private final Partners partners;

	PartnerHealth(JdbcClient jdbc, Partners partners) {
		this.jdbc = jdbc;
		this.partners = partners;
	}

	/**
	 * One partner's delivery health.
	 *
	 * @param partner partner id
	 * @param displayName partner name
	 * @param queued exchanges waiting for delivery
	 * @param deadLetters exchanges given up on
	 * @param lastSuccess the last successful delivery
	 * @param lastFailure the reason of the most recent failed attempt still waiting
	 */
	public record Row(String partner, String displayName, long queued, long deadLetters, @Nullable Instant lastSuccess,
			@Nullable String lastFailure) {
	}

	public List<Row> rows() {
		return this.partners.all().stream().map(this::row).toList();
	}

	private Row row(Partner partner) {
		return this.jdbc
			.sql("SELECT count(*) FILTER (WHERE status IN ('accepted', 'delivering')) AS queued,"
					+ " count(*) FILTER (WHERE status IN ('dead-lettered', 'failed')) AS dead,"
					+ " max(delivered_at) AS last_success,"
					+ " (SELECT last_error FROM exchange f WHERE f.recipient = ? AND f.status = 'delivering'"
					+ " AND f.last_error IS NOT NULL ORDER BY f.status_changed_at DESC LIMIT 1) AS last_failure"
					+ " FROM exchange WHERE recipient = ?")
			.params(partner.id(), partner.id())
			.query((rs, n) -> {
				Timestamp success = rs.getTimestamp("last_success");
				return new Row(partner.id(), partner.displayName(), rs.getLong("queued"), rs.getLong("dead"),
						(success != null) ? success.toInstant() : null, rs.getString("last_failure"));
			})
			.single();
	}

}
