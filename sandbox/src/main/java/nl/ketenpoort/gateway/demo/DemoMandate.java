package nl.ketenpoort.gateway.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.mandate.MandateForm;
import nl.ketenpoort.gateway.mandate.MandateKind;
import nl.ketenpoort.gateway.mandate.MandateRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's one representative: Said, whom Farid authorised in writing, so that he acts
 * for Farid in the portal after signing in at the demo's DigiD broker. Recorded through
 * the gateway's mandate register, as COA's case manager would at the desk (audited as
 * such), once: a second run finds it among COA's mandates.
 */
class DemoMandate {

	/** The written mandate's reference, by which a later run finds it. */
	static final String EVIDENCE = "DEMO-MACHTIGING-2026-FARID";

	static final String REPRESENTED = "Farid Rahimi";

	private static final Logger log = LoggerFactory.getLogger(DemoMandate.class);

	private final MandateRegister register;

	private final People people;

	private final DemoSubjects demoSubjects;

	DemoMandate(MandateRegister register, People people, DemoSubjects demoSubjects) {
		this.register = register;
		this.people = people;
		this.demoSubjects = demoSubjects;
	}

	/** Records the mandate unless it exists; false when it existed or cannot be made. */
	boolean seed() {
		Optional<Actor> caseManager = this.people.findByUsername(DemoData.CASE_MANAGER)
			.map((person) -> person.toActor(Set.of()));
		Optional<DemoSubjects.DemoSubject> farid = this.demoSubjects.find(REPRESENTED);
		if (caseManager.isEmpty() || farid.isEmpty()) {
			return false;
		}
		if (this.register.heldBy(caseManager.get(), 500)
			.stream()
			.anyMatch((mandate) -> EVIDENCE.equals(mandate.evidenceReference()))) {
			return false;
		}
		LocalDate until = LocalDate.ofInstant(this.register.now(), ZoneOffset.UTC).plusYears(1);
		this.register.record(caseManager.get(), new MandateForm(null, DemoLogins.REPRESENTATIVE_BSN,
				farid.get().vNumber(), null, MandateKind.WRITTEN_MANDATE.name(), EVIDENCE, until.toString(), null));
		log.info("Demo data: one written mandate, for a representative of a demo status holder");
		return true;
	}

}
