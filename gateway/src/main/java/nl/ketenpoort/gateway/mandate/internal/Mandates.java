package nl.ketenpoort.gateway.mandate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.mandate.Mandate;
import nl.ketenpoort.gateway.mandate.MandateKind;

/** The recorded mandates, in PostgreSQL (table {@code mandate}). */
@Component
public class Mandates {

	private final JdbcClient jdbc;

	Mandates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Mandate mandate) {
		this.jdbc
			.sql("""
					INSERT INTO mandate (id, representative, subject_ref, kind, evidence_reference, ends_at, ends_at_eighteen,
					organisation, recorded_by, recorded_at)
					VALUES (:id, :representative, :subject, :kind, :evidence, :endsAt, :eighteen, :organisation, :recordedBy,
					:recordedAt)""")
			.param("id", mandate.id())
			.param("representative", mandate.representative())
			.param("subject", mandate.subject().pseudonym())
			.param("kind", mandate.kind().name())
			.param("evidence", mandate.evidenceReference())
			.param("endsAt", Timestamp.from(mandate.endsAt()))
			.param("eighteen", mandate.endsAtEighteen())
			.param("organisation", mandate.organisation())
			.param("recordedBy", mandate.recordedBy())
			.param("recordedAt", Timestamp.from(mandate.recordedAt()))
			.update();
	}

	public Optional<Mandate> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM mandate WHERE id = ?").param(id).query(Mandates::mandate).optional();
	}

	/** Every mandate one representative was given for one status holder, newest first. */
	public List<Mandate> between(UUID representative, SubjectRef subject) {
		return this.jdbc
			.sql("SELECT * FROM mandate WHERE representative = ? AND subject_ref = ? ORDER BY recorded_at DESC")
			.params(representative, subject.pseudonym())
			.query(Mandates::mandate)
			.list();
	}

	/** The newest mandates whose record this organisation holds. */
	public List<Mandate> heldBy(String organisation, int limit) {
		return this.jdbc.sql("SELECT * FROM mandate WHERE organisation = ? ORDER BY recorded_at DESC LIMIT ?")
			.params(organisation, limit)
			.query(Mandates::mandate)
			.list();
	}

	/**
	 * Serialises the recording of mandates for one representative until the transaction
	 * ends, so that two case managers cannot both record an active mandate for the same
	 * pair at once.
	 */
	public void lockRepresentative(UUID representative) {
		this.jdbc.sql("SELECT id FROM identity_person WHERE id = ? FOR UPDATE")
			.param(representative)
			.query(UUID.class)
			.optional();
	}

	/** Revokes an active mandate; false when it was no longer active. */
	public boolean revoke(UUID id, UUID revokedBy, Instant at) {
		return this.jdbc.sql("""
				UPDATE mandate SET revoked_at = :at, revoked_by = :by
				WHERE id = :id AND revoked_at IS NULL AND ends_at > :at""")
			.param("at", Timestamp.from(at))
			.param("by", revokedBy)
			.param("id", id)
			.update() == 1;
	}

	private static Mandate mandate(ResultSet rs, int row) throws SQLException {
		return new Mandate(rs.getObject("id", UUID.class), rs.getObject("representative", UUID.class),
				new SubjectRef(rs.getString("subject_ref")), MandateKind.valueOf(rs.getString("kind")),
				rs.getString("evidence_reference"), rs.getTimestamp("ends_at").toInstant(),
				rs.getBoolean("ends_at_eighteen"), rs.getString("organisation"),
				rs.getObject("recorded_by", UUID.class), rs.getTimestamp("recorded_at").toInstant(),
				instant(rs.getTimestamp("revoked_at")), rs.getObject("revoked_by", UUID.class));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
