package nl.ketenpoort.consent.subject;

import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resolves V-numbers and BSNs to stable subject pseudonyms, linking a BSN to the subject
 * first known by its V-number.
 * <p>
 * Only HMAC-SHA256 pseudonyms of identifiers are stored (table
 * {@code consent_subject_identifier}), so a database dump reveals no V-number or BSN
 * without the pseudonym key. A link is recorded once and never changed: when the V-number
 * and the BSN already belong to different subjects, {@link SubjectLinkRefused} is raised
 * instead of merging them.
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
	 * The subject for these identifiers, created on first sight; when both are given they
	 * are linked to one subject.
	 * @param vNumber the V-number, if known
	 * @param bsn the BSN, if known
	 * @return the subject
	 * @throws IdentifierInvalid when an identifier is malformed or neither is given
	 * @throws SubjectLinkRefused when both are given and already belong to different
	 * subjects
	 */
	public SubjectRef resolve(@Nullable String vNumber, @Nullable String bsn) {
		String byVNumber = (vNumber != null) ? this.pseudonyms.of(IdentifierKind.V_NUMBER, vNumber) : null;
		String byBsn = (bsn != null) ? this.pseudonyms.of(IdentifierKind.BSN, bsn) : null;
		if (byVNumber == null && byBsn == null) {
			throw new IdentifierInvalid(IdentifierKind.V_NUMBER, "neither a V-number nor a BSN was given");
		}
		String subject = subjectOf(byVNumber).or(() -> subjectOf(byBsn)).orElse(null);
		if (subject == null) {
			subject = (byVNumber != null) ? byVNumber : byBsn;
			this.jdbc.sql("insert into consent_subject (pseudonym) values (?) on conflict do nothing")
				.param(subject)
				.update();
		}
		SubjectRef linkedByVNumber = link(byVNumber, subject);
		SubjectRef linkedByBsn = link(byBsn, subject);
		if (linkedByVNumber != null && linkedByBsn != null && !linkedByVNumber.equals(linkedByBsn)) {
			logger.debug("Refused to link identifiers: they belong to different subjects");
			throw new SubjectLinkRefused(linkedByVNumber, linkedByBsn);
		}
		return (linkedByVNumber != null) ? linkedByVNumber : linkedByBsn;
	}

	/**
	 * The subject for these identifiers if it is known already; never creates or links.
	 * @param vNumber the V-number, if known
	 * @param bsn the BSN, if known
	 * @return the subject, if known
	 */
	public Optional<SubjectRef> find(@Nullable String vNumber, @Nullable String bsn) {
		String byVNumber = (vNumber != null) ? this.pseudonyms.of(IdentifierKind.V_NUMBER, vNumber) : null;
		String byBsn = (bsn != null) ? this.pseudonyms.of(IdentifierKind.BSN, bsn) : null;
		return subjectOf(byVNumber).or(() -> subjectOf(byBsn)).map(SubjectRef::new);
	}

	private Optional<String> subjectOf(@Nullable String identifierPseudonym) {
		if (identifierPseudonym == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select subject from consent_subject_identifier where identifier_pseudonym = ?")
			.param(identifierPseudonym)
			.query(String.class)
			.optional();
	}

	private @Nullable SubjectRef link(@Nullable String identifierPseudonym, String subject) {
		if (identifierPseudonym == null) {
			return null;
		}
		// Insert-if-absent then read back: under concurrency the first link wins and is
		// what we
		// compare against, so a conflicting link is detected instead of overwritten.
		this.jdbc
			.sql("insert into consent_subject_identifier (identifier_pseudonym, subject) values (?, ?)"
					+ " on conflict (identifier_pseudonym) do nothing")
			.params(identifierPseudonym, subject)
			.update();
		return subjectOf(identifierPseudonym).map(SubjectRef::new).orElseThrow();
	}

}
