package nl.ketenpoort.consent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consent rows and their append-only history in PostgreSQL.
 */
class Consents {

	private static final String COLUMNS = """
			id, subject, purpose_code, purpose_version, sender, recipients, document_types, granted_at,
			valid_until, method, recorded_by, evidence_reference, interpreter_reference, text_language,
			text_sha256, status, status_changed_at, statement, signing_kid""";

	private static final RowMapper<Consent> MAPPER = Consents::map;

	private final JdbcClient jdbc;

	Consents(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	boolean subjectExists(SubjectRef subject) {
		return this.jdbc.sql("select count(*) from consent_subject where pseudonym = ?")
			.param(subject.pseudonym())
			.query(Long.class)
			.single() > 0;
	}

	void insert(Consent consent) {
		ConsentMethod method = consent.method();
		this.jdbc.sql("insert into consent (" + COLUMNS + """
				) values (?, ?, ?, ?, ?, string_to_array(?, ','), string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?,
				?, ?, ?, ?, ?)""")
			.params(consent.id(), consent.subject().pseudonym(), consent.purpose(), consent.purposeVersion(),
					consent.from(), String.join(",", consent.to()),
					String.join(",", consent.documents().stream().map(DocumentType::code).toList()),
					Timestamp.from(consent.grantedAt()), Timestamp.from(consent.validUntil()), method.kind().code(),
					method.recordedBy(),
					(method.kind() == ConsentMethod.Kind.ON_BEHALF_PAPER) ? method.reference() : null,
					(method.kind() == ConsentMethod.Kind.ON_BEHALF_INTERPRETER) ? method.reference() : null,
					consent.language(), consent.textSha256(), consent.status().code(), null, consent.statement(),
					consent.signingKid())
			.update();
		// The keys of an active consent; the primary key refuses a second active
		// consent on any of them, whatever path wrote it.
		this.jdbc.sql("""
				insert into consent_active_scope (subject, purpose_code, sender, recipient, document_type, consent_id)
				select ?, ?, ?, recipient, document_type, ?
				from unnest(string_to_array(?, ',')) as recipient, unnest(string_to_array(?, ',')) as document_type""")
			.params(consent.subject().pseudonym(), consent.purpose(), consent.from(), consent.id(),
					String.join(",", consent.to()),
					String.join(",", consent.documents().stream().map(DocumentType::code).toList()))
			.update();
	}

	/**
	 * Serialises grants for one subject until the transaction ends, on every node, so
	 * that two identical grants at once give one consent.
	 */
	void lockSubject(SubjectRef subject) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('consent-grant'), hashtext(?))")
			.param(subject.pseudonym())
			.query((rs, row) -> 1)
			.single();
	}

	/**
	 * The active consents of the subject for this purpose and sender that hold any of
	 * these recipient and document type keys, oldest first.
	 */
	List<Consent> activeSharingKeys(SubjectRef subject, String purpose, String sender, List<String> recipients,
			List<DocumentType> documents) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from consent where id in (
					select consent_id from consent_active_scope
					where subject = ? and purpose_code = ? and sender = ?
						and recipient = any (string_to_array(?, ',')) and document_type = any (string_to_array(?, ','))
				) order by granted_at, id""")
			.params(subject.pseudonym(), purpose, sender, String.join(",", recipients),
					String.join(",", documents.stream().map(DocumentType::code).toList()))
			.query(MAPPER)
			.list();
	}

	void appendHistory(UUID consentId, String event, String actor, @Nullable String method, Instant at,
			@Nullable String reason) {
		this.jdbc.sql("""
				insert into consent_history (consent_id, event, actor, method, occurred_at, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(consentId, event, actor, method, Timestamp.from(at), reason)
			.update();
	}

	Optional<Consent> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from consent where id = ?").param(id).query(MAPPER).optional();
	}

	List<Consent> forSubject(SubjectRef subject) {
		return this.jdbc.sql("select " + COLUMNS + " from consent where subject = ? order by granted_at desc, id")
			.param(subject.pseudonym())
			.query(MAPPER)
			.list();
	}

	/**
	 * Move an active consent to another status; guarded on the current status so that two
	 * nodes changing it at once cannot both succeed.
	 */
	boolean changeStatus(UUID id, ConsentStatus to, Instant at) {
		boolean changed = this.jdbc
			.sql("update consent set status = ?, status_changed_at = ? where id = ? and status = 'active'")
			.params(to.code(), Timestamp.from(at), id)
			.update() == 1;
		if (changed) {
			this.jdbc.sql("delete from consent_active_scope where consent_id = ?").param(id).update();
		}
		return changed;
	}

	/**
	 * Mark every active consent past its end of validity expired, with one history row
	 * each.
	 */
	List<ConsentExpired> expireDue(Instant now) {
		return expireDue(now, null);
	}

	/**
	 * Mark the subject's active consents past their end of validity expired (all
	 * subjects' when {@code subject} is null), with one history row each, and release
	 * their keys.
	 */
	List<ConsentExpired> expireDue(Instant now, @Nullable SubjectRef subject) {
		return this.jdbc.sql("""
				with expired as (
					update consent set status = 'expired', status_changed_at = ?
					where status = 'active' and valid_until <= ? and (?::varchar is null or subject = ?::varchar)
					returning id, subject, purpose_code, valid_until
				), recorded as (
					insert into consent_history (consent_id, event, actor, method, occurred_at, reason)
					select id, 'expired', 'system', null, ?, 'end of validity' from expired
				), released as (
					delete from consent_active_scope where consent_id in (select id from expired)
				)
				select id, subject, purpose_code, valid_until from expired""")
			.params(Timestamp.from(now), Timestamp.from(now), (subject != null) ? subject.pseudonym() : null,
					(subject != null) ? subject.pseudonym() : null, Timestamp.from(now))
			.query((rs, row) -> new ConsentExpired(rs.getObject(1, UUID.class), new SubjectRef(rs.getString(2)),
					rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Takes the consents revoked as duplicates by the migration that are still to be
	 * announced, deleting their rows; the caller announces them in the same transaction.
	 * A node starting at the same moment waits for the delete and then finds nothing.
	 */
	List<Consent> takeMergedDuplicates() {
		List<UUID> ids = this.jdbc.sql("delete from consent_duplicate_merged returning consent_id")
			.query(UUID.class)
			.list();
		return ids.stream().sorted().flatMap((id) -> find(id).stream()).toList();
	}

	private static Consent map(ResultSet rs, int row) throws SQLException {
		ConsentMethod.Kind kind = ConsentMethod.Kind.fromCode(rs.getString("method"));
		String reference = switch (kind) {
			case PORTAL -> null;
			case ON_BEHALF_PAPER -> rs.getString("evidence_reference");
			case ON_BEHALF_INTERPRETER -> rs.getString("interpreter_reference");
		};
		Timestamp changed = rs.getTimestamp("status_changed_at");
		return new Consent(rs.getObject("id", UUID.class), new SubjectRef(rs.getString("subject")),
				rs.getString("purpose_code"), rs.getInt("purpose_version"), rs.getString("sender"),
				strings(rs.getArray("recipients")), documentTypes(rs.getArray("document_types")),
				rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("valid_until").toInstant(),
				new ConsentMethod(kind, rs.getString("recorded_by"), reference), rs.getString("text_language"),
				rs.getString("text_sha256"), ConsentStatus.fromCode(rs.getString("status")),
				(changed != null) ? changed.toInstant() : null, rs.getString("statement"), rs.getString("signing_kid"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static List<DocumentType> documentTypes(Array array) throws SQLException {
		// An unknown code stays visible as a mismatch instead of breaking every read of
		// the subject.
		return strings(array).stream().flatMap((code) -> DocumentType.fromCode(code).stream()).toList();
	}

}
