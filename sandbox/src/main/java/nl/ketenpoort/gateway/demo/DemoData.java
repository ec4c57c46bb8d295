package nl.ketenpoort.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.demo.DemoStatusHolders.Document;
import nl.ketenpoort.gateway.demo.DemoStatusHolders.Grant;
import nl.ketenpoort.gateway.demo.DemoStatusHolders.Holder;
import nl.ketenpoort.gateway.demo.DemoSubjects.DemoSubject;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.gateway.sandbox.SandboxPartnerClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds the demo on first start: each fictional status holder gets a V-number (kept only
 * as a pseudonym in the registry, and in the demo table for the listing), their consents
 * are recorded in their own language, demo logins are linked, and the sandbox partners
 * submit documents through the public API as real partners would. Seeding a holder again
 * changes nothing: a seeded holder is skipped, a half-seeded one is completed (consents
 * are granted only when missing, submissions are idempotent by key).
 */
class DemoData {

	static final String CASE_MANAGER = "cm-coa";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoSubjects demoSubjects;

	private final Subjects subjects;

	private final ConsentRegistry consents;

	private final PurposeCatalogue purposes;

	private final People people;

	private final SandboxPartnerClient partners;

	private final JsonMapper json;

	DemoData(DemoSubjects demoSubjects, Subjects subjects, ConsentRegistry consents, PurposeCatalogue purposes,
			People people, SandboxPartnerClient partners, JsonMapper json) {
		this.demoSubjects = demoSubjects;
		this.subjects = subjects;
		this.consents = consents;
		this.purposes = purposes;
		this.people = people;
		this.partners = partners;
		this.json = json;
	}

	/** What one seeding run did, for the log line and for tests. */
	record Seeded(int holders, int consents, int accepted, int refused) {

	}

	Seeded seed() {
		int holders = 0;
		int granted = 0;
		int accepted = 0;
		int refused = 0;
		for (Holder holder : DemoStatusHolders.ALL) {
			DemoSubject row = this.demoSubjects.ensure(holder.displayName(), holder.language(), holder.country());
			SubjectRef subject = this.subjects.enrol(VNumber.parse(row.vNumber()));
			link(holder, subject);
			if (row.seededAt() != null) {
				continue;
			}
			holders++;
			for (Grant grant : holder.grants()) {
				granted += grant(subject, holder, grant) ? 1 : 0;
			}
			for (Document document : holder.documents()) {
				SandboxPartnerClient.Submitted submitted = this.partners.submit(document.sender(),
						idempotencyKey(holder, document), request(row.vNumber(), holder.bsn(), document));
				if (submitted.accepted()) {
					accepted++;
				}
				else if (submitted.status() == 403) {
					// Elif and Tenzin: the refusal is part of the demo, and audited.
					refused++;
				}
				else {
					throw new DemoDataFailed("the gateway answered " + submitted.status() + " to a demo document ("
							+ submitted.body().path("code").asString("no code") + ")");
				}
			}
			this.demoSubjects.markSeeded(holder.displayName());
		}
		Seeded seeded = new Seeded(holders, granted, accepted, refused);
		if (holders > 0) {
			log.info("Demo data: {} status holders, {} consents, {} documents accepted and {} refused", holders,
					granted, accepted, refused);
		}
		return seeded;
	}

	/** The V-number of a demo status holder, for the walkthrough's test. */
	String vNumberOf(String displayName) {
		return this.demoSubjects.find(displayName)
			.orElseThrow(() -> new DemoDataFailed("no such demo status holder"))
			.vNumber();
	}

	private void link(Holder holder, SubjectRef subject) {
		if (holder.username() == null) {
			return;
		}
		this.people.findByUsername(holder.username())
			.filter((person) -> person.subjectRef().isEmpty())
			.ifPresent((person) -> this.people.linkSubject(person.id(), subject.pseudonym()));
	}

	private boolean grant(SubjectRef subject, Holder holder, Grant grant) {
		List<Consent> existing = this.consents.listForSubject(subject)
			.stream()
			.filter((consent) -> consent.purpose().equals(grant.purpose()) && consent.from().equals(grant.from())
					&& consent.to().contains(grant.to()))
			.toList();
		if (!existing.isEmpty()) {
			return false;
		}
		String language = holder.language();
		Consent consent = this.consents
			.grant(new GrantRequest(subject, grant.purpose(), grant.from(), List.of(grant.to()), List.of(grant.type()),
					null, method(grant, holder), language, this.purposes.text(grant.purpose(), language).sha256()))
			.consent();
		if (grant.revoked() && consent.status() == ConsentStatus.ACTIVE) {
			this.consents.revoke(consent.id(), "status-holder", "demo: the status holder withdrew this consent");
		}
		return true;
	}

	private ConsentMethod method(Grant grant, Holder holder) {
		String caseManager = this.people.findByUsername(CASE_MANAGER)
			.map(Person::id)
			.map(Object::toString)
			.orElse(CASE_MANAGER);
		String reference = grant.purpose().toUpperCase(Locale.ROOT) + "-" + holder.language().toUpperCase(Locale.ROOT);
		return switch (grant.method()) {
			case PORTAL -> ConsentMethod.portal();
			case PAPER -> ConsentMethod.onBehalfPaper(caseManager, "COA-AZC-FORM-2026-" + reference);
			case INTERPRETER -> ConsentMethod.onBehalfInterpreter(caseManager, "TOLK-BOOKING-2026-" + reference);
		};
	}

	private ObjectNode request(String vNumber, @Nullable String bsn, Document document) {
		ObjectNode content = example(document);
		subject(content, vNumber, bsn);
		ObjectNode request = this.json.createObjectNode();
		request.put("documentType", document.type().code());
		request.put("purpose", document.purpose());
		request.put("recipient", document.recipient());
		subject(request, vNumber, bsn);
		request.set("document", content);
		return request;
	}

	/**
	 * The V-number and, where the holder has one, the BSN: an accepted document naming
	 * both joins the BSN to the record, which is how a DigiD sign-in finds it.
	 */
	private static void subject(ObjectNode node, String vNumber, @Nullable String bsn) {
		ObjectNode subject = node.putObject("subject").put("vNumber", vNumber);
		if (bsn != null) {
			subject.put("bsn", bsn);
		}
	}

	private ObjectNode example(Document document) {
		String path = "examples/" + document.type().code() + "/valid/" + document.example();
		try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new DemoDataFailed("the schema example " + path + " is missing");
			}
			return (ObjectNode) this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String idempotencyKey(Holder holder, Document document) {
		return "demo-" + holder.displayName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-"
				+ document.type().code() + "-" + document.recipient();
	}

}
