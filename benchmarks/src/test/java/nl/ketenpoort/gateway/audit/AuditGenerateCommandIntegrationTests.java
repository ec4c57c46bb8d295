package nl.ketenpoort.gateway.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.audit.internal.AuditChainVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark generator appends synthetic events that are valid links of the real
 * chain, and refuses to run without its explicit flag.
 */
class AuditGenerateCommandIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	AuditGenerateCommand command;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void generatedEventsExtendTheChainIntact() {
		// given
		long before = count();
		StringWriter output = new StringWriter();

		// when
		int exit = this.command.run(List.of("1000", AuditGenerateCommand.CONFIRMATION, "--batch", "300"),
				new PrintWriter(output));
		AuditRecord next = this.trail.append(
				AuditEvent
					.of(AuditEventType.AUDIT_READ, AuditOutcome.SUCCESS,
							AuditActor.person("benchmark-test", "privacy-officer", "coa"))
					.build());

		// then
		assertThat(exit).as(output.toString()).isZero();
		assertThat(count()).isGreaterThanOrEqualTo(before + 1001);
		assertThat(output.toString()).contains("Appended 1000 synthetic audit events");
		ChainVerification verification = this.verifier.verify(next.position() - 1000, next.position());
		assertThat(verification.intact()).as(String.valueOf(verification.kind())).isTrue();
		assertThat(verification.checked()).isEqualTo(1001);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE position >= ? AND position < ?"
					+ " AND (subject_ref IS NULL OR subject_ref !~ ?)")
			.params(next.position() - 1000, next.position(), "^vnr_[A-Za-z0-9_-]{43}$")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void appendsThroughTheTrailAndReportsTheCost() {
		// given
		StringWriter output = new StringWriter();

		// when
		int exit = this.command.run(
				List.of("40", AuditGenerateCommand.CONFIRMATION, "--through-trail", "--threads", "4"),
				new PrintWriter(output));

		// then
		assertThat(exit).as(output.toString()).isZero();
		assertThat(output.toString()).contains("Audit append in its own transaction, 4 threads: 40 transactions");
		long head = this.jdbc.sql("SELECT max(position) FROM audit_event").query(Long.class).single();
		assertThat(this.verifier.verify(head - 39, head).intact()).isTrue();
	}

	@Test
	void refusesWithoutTheExplicitFlag() {
		long before = count();
		StringWriter output = new StringWriter();

		int exit = this.command.run(List.of("10"), new PrintWriter(output));

		assertThat(exit).isEqualTo(2);
		assertThat(output.toString()).contains(AuditGenerateCommand.CONFIRMATION);
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
	}

}
