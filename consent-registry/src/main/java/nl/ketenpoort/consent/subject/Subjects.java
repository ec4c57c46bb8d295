package nl.ketenpoort.consent.subject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import nl.ketenpoort.schemas.IdentifierKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resolves V-numbers and BSNs to stable subject pseudonyms.
 * <p>
 * Only HMAC-SHA256 pseudonyms of identifiers are stored (table
 * {@code consent_subject_identifier}), so a database dump reveals no V-number or BSN
 * without the pseudonym key. A subject is enrolled by one identifier (when a consent is
 * recorded for it); a second identifier is linked to it only by an accepted exchange that
 * names both, in that exchange's transaction, and the link records the exchange. A link
 * is written once and never changed: identifiers that already belong to different
 * subjects raise {@link SubjectLinkRefused} instead of merging two people.
 */
public class Subjects {

	private static final Logger logger = LoggerFactory.getLogger(Subjects.class);

	private final JdbcClient jdbc;

	private final Pseudonyms pseudonyms;

	public Subjects(DataSource dataSource, byte[] pseudonymKey) {
		this.jdbc = JdbcClient.create(dataSource);
		this.pseudonyms = new Pseudonyms(pseudonymKey);
	}

	/**
	 * The subject known by this identifier, enrolled on first sight with the identifier's
	 * own pseudonym.
	 * @param identifier the V-number or BSN
	 * @return the subject
	 */
	public SubjectRef enrol(SubjectIdentifier identifier) {
		String pseudonym = this.pseudonyms.of(identifier);
		Optional<String> known = subjectOf(pseudonym);
		if (known.isPresent()) {
			return new SubjectRef(known.get());
		}
		this.jdbc.sql("insert into consent_subject (pseudonym) values (?) on conflict do nothing")
			.param(pseudonym)
			.update();
		this.jdbc
			.sql("insert into consent_subject_identifier (identifier_pseudonym, subject) values (?, ?)"
					+ " on conflict (identifier_pseudonym) do nothing")
			.params(pseudonym, pseudonym)
			.update();
		return new SubjectRef(subjectOf(pseudonym).orElseThrow());
	}

	/**
	 * The subject these identifiers name, if it is known; never creates or links.
	 * @param identifiers the V-number, the BSN or both
	 * @return the subject, empty when none of the identifiers is known
	 * @throws SubjectLinkRefused when the identifiers belong to different subjects
	 */
	public Optional<SubjectRef> find(SubjectIdentifiers identifiers) {
		SubjectRef byVNumber = (identifiers.vNumber() != null) ? known(identifiers.vNumber()) : null;
		SubjectRef byBsn = (identifiers.bsn() != null) ? known(identifiers.bsn()) : null;
		if (byVNumber != null && byBsn != null && !byVNumber.equals(byBsn)) {
			logger.debug("The identifiers given belong to different subjects");
			throw new SubjectLinkRefused(byVNumber, byBsn);
		}
		return Optional.ofNullable((byVNumber != null) ? byVNumber : byBsn);
	}

	/**
	 * The pseudonym to record for these identifiers: the known subject, else the
	 * pseudonym the first of them would be enrolled with (nothing is written).
	 * @param identifiers the identifiers
	 * @return the pseudonym
	 * @throws SubjectLinkRefused when the identifiers belong to different subjects
	 */
	public SubjectRef pseudonymOf(SubjectIdentifiers identifiers) {
		return find(identifiers).orElseGet(() -> new SubjectRef(this.pseudonyms.of(identifiers.all().get(0))));
	}

	/**
	 * Links every identifier not yet known to the subject, recording the accepted
	 * exchange that named them together; call it in the exchange's accepting transaction.
	 * @param subject the subject the exchange was accepted for
	 * @param identifiers the identifiers the exchange named
	 * @param exchangeId the accepted exchange
	 * @throws SubjectLinkRefused when an identifier meanwhile belongs to another subject
	 */
	public void linkAccepted(SubjectRef subject, SubjectIdentifiers identifiers, UUID exchangeId) {
		for (SubjectIdentifier identifier : identifiers.all()) {
			String pseudonym = this.pseudonyms.of(identifier);
			// Insert-if-absent then read back: under concurrency the first link wins and
			// is what we compare against, so a conflicting link is detected, not
			// overwritten.
			this.jdbc
				.sql("insert into consent_subject_identifier (identifier_pseudonym, subject, source_exchange)"
						+ " values (?, ?, ?) on conflict (identifier_pseudonym) do nothing")
				.params(pseudonym, subject.pseudonym(), exchangeId)
				.update();
			SubjectRef linked = new SubjectRef(subjectOf(pseudonym).orElseThrow());
			if (!linked.equals(subject)) {
				logger.debug("Refused to link an identifier that belongs to another subject");
				throw new SubjectLinkRefused(subject, linked);
			}
		}
	}

	/**
	 * The links between two identifiers of one subject that no accepted exchange
	 * recorded: written before links were tied to exchanges, possibly by a refused
	 * submission, for an operator to review. Nothing is deleted.
	 * @return the links, oldest first
	 */
	public List<SubjectLink> linksWithoutAcceptedExchange() {
		return this.jdbc.sql("""
				select identifier_pseudonym, subject, linked_at from consent_subject_identifier
				where identifier_pseudonym <> subject and source_exchange is null
				order by linked_at, identifier_pseudonym""").query((rs, row) -> {
			String identifier = rs.getString(1);
			IdentifierKind kind = identifier.startsWith(Pseudonyms.prefix(IdentifierKind.BSN) + "_")
					? IdentifierKind.BSN : IdentifierKind.V_NUMBER;
			return new SubjectLink(kind, identifier, new SubjectRef(rs.getString(2)), rs.getTimestamp(3).toInstant());
		}).list();
	}

	private @Nullable SubjectRef known(SubjectIdentifier identifier) {
		return subjectOf(this.pseudonyms.of(identifier)).map(SubjectRef::new).orElse(null);
	}

	private Optional<String> subjectOf(String identifierPseudonym) {
		return this.jdbc.sql("select subject from consent_subject_identifier where identifier_pseudonym = ?")
			.param(identifierPseudonym)
			.query(String.class)
			.optional();
	}

}
