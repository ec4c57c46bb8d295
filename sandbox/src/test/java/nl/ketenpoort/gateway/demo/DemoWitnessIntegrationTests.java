package nl.ketenpoort.gateway.demo;

import java.net.http.HttpResponse;

import nl.ketenpoort.gateway.GatewayIntegrationTest;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints;
import nl.ketenpoort.gateway.audit.internal.AuditWitnesses;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.identity.TestTokens;
import nl.ketenpoort.gateway.portal.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's witness (a real {@code witness serve} server on loopback, as the demo
 * profile runs it) co-signs the gateway's checkpoints, and the console's audit page shows
 * the last witnessed one.
 */
class DemoWitnessIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	AuditWitnesses witnesses;

	@Autowired
	TestTokens tokens;

	@Test
	void theDemoWitnessCoSignsAndTheConsoleShowsTheLastWitnessedCheckpoint() {
		// given: a new head, signed
		this.trail.appendIndependently(AuditEvent.of(AuditEventType.AUDIT_READ, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.reason("demo-witness-test")
			.build());
		this.chainer.chainPending();
		AuditCheckpoints.Checkpoint head = this.checkpoints.signHead().orElseThrow();

		// when: it goes to the witness (as the gateway's schedule sends it)
		this.witnesses.witnessLatest();

		// then
		assertThat(this.witnesses.lastWitnessed()).hasValueSatisfying((witnessed) -> {
			assertThat(witnessed.size()).isGreaterThanOrEqualTo(head.position());
			assertThat(witnessed.witnesses()).containsExactly(DemoWitness.NAME);
		});
		TestTokens.Login officer = this.tokens.newPerson(Role.PRIVACY_OFFICER, "coa", null);
		HttpResponse<String> page = PageSession.logIn(this.port, officer.username(), officer.password())
			.get("/console/audit");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"witnessed\"")
			.contains("data-witnessed=\"" + this.witnesses.lastWitnessed().orElseThrow().size() + "\"")
			.contains(DemoWitness.NAME);
	}

}
