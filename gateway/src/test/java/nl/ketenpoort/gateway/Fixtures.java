package nl.ketenpoort.gateway;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.audit.internal.AuditChainer;

import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.schemas.DocumentType;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-up that the gateway's integration tests share: a new status holder known by a
 * random V-number, a consent granted for them in the portal, and the audit rows read back
 * by SQL. Inject it into any test that extends {@link GatewayIntegrationTest}:
 *
 * <pre>
 * &#64;Autowired Fixtures fixtures;
 * Fixtures.StatusHolder amira = fixtures.newStatusHolder();
 * fixtures.grant(amira.subject(), "handover-coa-municipality", "tvs", List.of("raak"), DocumentType.of("client-profile"));
 * </pre>
 */
@Lazy
@Component
public class Fixtures {

	private final Subjects subjects;

	private final ConsentRegistry registry;

	private final PurposeCatalogue catalogue;

	private final DataSource dataSource;

	private final AuditChainer chainer;

	Fixtures(Subjects subjects, ConsentRegistry registry, PurposeCatalogue catalogue, DataSource dataSource,
			AuditChainer chainer) {
		this.chainer = chainer;
		this.subjects = subjects;
		this.registry = registry;
		this.catalogue = catalogue;
		this.dataSource = dataSource;
	}

	/**
	 * A random ten-digit V-number, so that test classes sharing one database never meet.
	 */
	public static String newVNumber() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
	}

	/** A new status holder, enrolled under a random V-number. */
	public StatusHolder newStatusHolder() {
		String vNumber = newVNumber();
		return new StatusHolder(vNumber, this.subjects.enrol(VNumber.parse(vNumber)));
	}

	/**
	 * A consent given in the portal, in Dutch, on the catalogue's current text of the
	 * purpose.
	 */
	public Consent grant(SubjectRef subject, String purpose, String from, List<String> to, DocumentType... types) {
		return this.registry
			.grant(new GrantRequest(subject, purpose, from, to, List.of(types), null, ConsentMethod.portal(), "nl",
					this.catalogue.text(purpose, "nl").sha256()))
			.consent();
	}

	/** SQL on the gateway's database, to read what the API does not show. */
	private JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	/**
	 * Links every audit event staged so far into the chain, on the test's thread: what a
	 * test reads from {@code audit_event} right after a request is then there, instead of
	 * a moment later when the gateway's chainer gets to it.
	 */
	public void chained() {
		this.chainer.chainPending();
	}

	/** The audit event types recorded for one exchange, oldest first, once chained. */
	public List<String> auditTypes(UUID exchangeId) {
		chained();
		return jdbc().sql("SELECT event_type FROM audit_event WHERE exchange_id = ? ORDER BY position")
			.param(exchangeId)
			.query(String.class)
			.list();
	}

	/**
	 * A status holder of a test.
	 *
	 * @param vNumber the V-number they are known by
	 * @param subject their subject in the registry
	 */
	public record StatusHolder(String vNumber, SubjectRef subject) {
	}

}
