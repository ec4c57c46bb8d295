package nl.ketenpoort.gateway.consent.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.Grant;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.IdentifierInQuery;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grant, list and revoke consents: a status holder for themself (method {@code portal}),
 * a case manager on their behalf with the evidence of a signed form or an interpreter.
 * The status of a statement is public, so recipients can prove lawful receipt.
 */
@RestController
@RequestMapping(path = "/api/v1/consents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consents", description = "Grant, list and revoke consents; public statement status")
public class ConsentController {

	private final ConsentRegistry registry;

	private final Subjects subjects;

	private final AuditTrail audit;

	private final Partners partners;

	private final AccessPolicy access;

	private final TransactionTemplate transactions;

	private final GrantRefusals refusals;

	ConsentController(ConsentRegistry registry, Subjects subjects, AuditTrail audit, Partners partners,
			AccessPolicy access, TransactionTemplate transactions, GrantRefusals refusals) {
		this.registry = registry;
		this.subjects = subjects;
		this.audit = audit;
		this.partners = partners;
		this.access = access;
		this.transactions = transactions;
		this.refusals = refusals;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Grant consent (status holder) or record it on their behalf (case manager)")
	ResponseEntity<Map<String, Object>> grant(@RequestBody GrantForm form) {
		Actor actor = Actors.current();
		try {
			// The grant's transaction ends before a refusal is recorded, so that the
			// record outlives its rollback and never waits on a lock the grant held.
			return Objects.requireNonNull(this.transactions.execute((status) -> grant(actor, form)));
		}
		catch (RuntimeException ex) {
			this.refusals.record(actor, form, ex);
			throw ex;
		}
	}

	private ResponseEntity<Map<String, Object>> grant(Actor actor, GrantForm form) {
		SubjectRef subject;
		ConsentMethod method;
		if (actor.hasRole(Role.STATUS_HOLDER)) {
			subject = ownSubject(actor);
			requireComplete(form, false);
			method = portal(actor);
		}
		else if (actor.hasRole(Role.CASE_MANAGER) || actor.hasRole(Role.CLIENT_MANAGER)) {
			requireComplete(form, true);
			boolean ownOrganisationSends = this.partners.find(form.from())
				.map((sender) -> actor.organisation().map(sender.organisation()::equals).orElse(false))
				.orElse(false);
			if (!ownOrganisationSends) {
				// A professional records consent only for what their own organisation
				// shares.
				throw new ConsentForbidden(RefusalReason.NOT_OWN_ORGANISATION.name());
			}
			subject = this.subjects.enrol(VNumber.parse(form.vNumber()));
			method = "on-behalf-interpreter".equals(form.method())
					? ConsentMethod.onBehalfInterpreter(actor.id(), form.evidenceReference())
					: ConsentMethod.onBehalfPaper(actor.id(), form.evidenceReference());
		}
		else {
			throw new ConsentForbidden(RefusalReason.ROLE_NOT_ALLOWED.name());
		}
		List<DocumentType> types = form.documentTypes()
			.stream()
			.map((code) -> DocumentType.fromCode(code).orElseThrow(UnknownDocumentType::new))
			.toList();
		Grant grant = this.registry.grant(new GrantRequest(subject, form.purpose(), form.from(), form.to(), types,
				form.validUntil(), method, form.language(), form.textSha256()));
		URI location = URI.create("/api/v1/consents/" + grant.consent().id());
		if (grant.duplicate()) {
			// The same consent was already active: nothing new exists, so 200 with the
			// one that does, and where it lives.
			return ResponseEntity.ok().location(location).body(view(grant.consent()));
		}
		return ResponseEntity.created(location).body(view(grant.consent()));
	}

	private static void requireComplete(GrantForm form, boolean onBehalf) {
		List<String> missing = form.missing(onBehalf);
		if (!missing.isEmpty()) {
			throw new GrantIncomplete(missing);
		}
	}

	@GetMapping
	@Operation(summary = "Your consents (status holder)",
			description = "A status holder's own consents. Case managers ask for a status holder's consents with"
					+ " POST /consents/search; a vNumber here answers 400 IDENTIFIER_IN_QUERY (identifiers stay out of"
					+ " URLs), and the parameter goes in the next release.")
	List<Map<String, Object>> list(
			@Parameter(deprecated = true) @RequestParam(required = false) @Nullable String vNumber) {
		Actor actor = Actors.current();
		if (vNumber != null) {
			if (!actor.hasRole(Role.STATUS_HOLDER) && !this.access.mayLookUpStatusHolders(actor)) {
				throw new ConsentForbidden(RefusalReason.ROLE_NOT_ALLOWED.name());
			}
			IdentifierInQuery.refuseIfSent("POST /api/v1/consents/search", vNumber, null);
		}
		return list(actor, null);
	}

	@PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Your consents (status holder), or those of a status holder (case manager)",
			description = "The status holder's V-number travels in the body, never in the URL; a status holder's own"
					+ " consents need no body member. Only consents your organisation may see.")
	List<Map<String, Object>> search(@RequestBody ConsentSearch search) {
		return list(Actors.current(), search.vNumber());
	}

	private List<Map<String, Object>> list(Actor actor, @Nullable String vNumber) {
		SubjectRef subject = actor.hasRole(Role.STATUS_HOLDER) ? ownSubject(actor) : caseManagerSubject(actor, vNumber);
		return this.access.visible(actor, this.registry.listForSubject(subject))
			.stream()
			.map(ConsentController::view)
			.toList();
	}

	/** The body of {@code POST /api/v1/consents/search}. */
	record ConsentSearch(@Nullable String vNumber) {

	}

	@GetMapping("/{id}")
	@Operation(summary = "One consent with its signed statement")
	Map<String, Object> one(@PathVariable UUID id) {
		return view(visible(id));
	}

	@PostMapping("/{id}/revoke")
	@Transactional
	@Operation(summary = "Revoke a consent: queued documents under it are no longer delivered")
	Map<String, Object> revoke(@PathVariable UUID id) {
		Actor actor = Actors.current();
		visible(id);
		return view(this.registry.revoke(id, actor.id(), "revoked by " + actor.kind().name().toLowerCase()));
	}

	@GetMapping("/{id}/status")
	@Operation(summary = "Public: whether a consent statement is active, revoked or expired")
	Map<String, Object> status(@PathVariable UUID id) {
		return Map.of("id", id, "status", this.registry.status(id).code());
	}

	private Consent visible(UUID id) {
		Actor actor = Actors.current();
		Consent consent = this.registry.findIfPresent(id).orElseThrow(ConsentNotVisible::new);
		if (!this.access.maySee(actor, consent)) {
			this.audit.appendIndependently(
					AuditEvent.of(AuditEventType.ACCESS_DENIED, AuditOutcome.REFUSED, AuditActor.of(actor))
						.reason(RefusalReason.NOT_OWN_CONSENT.name())
						.consent(consent.id())
						.build());
			throw new ConsentNotVisible();
		}
		return consent;
	}

	private static SubjectRef ownSubject(Actor actor) {
		return new SubjectRef(
				actor.dataSubject().orElseThrow(() -> new ConsentForbidden(RefusalReason.NO_OWN_SUBJECT.name())));
	}

	/**
	 * Given in the portal: by the status holder, or by their representative, who is then
	 * recorded as the one who granted it.
	 */
	static ConsentMethod portal(Actor actor) {
		return actor.actingFor().isPresent() ? new ConsentMethod(ConsentMethod.Kind.PORTAL, actor.id(), null)
				: ConsentMethod.portal();
	}

	private SubjectRef caseManagerSubject(Actor actor, @Nullable String vNumber) {
		if (!this.access.mayLookUpStatusHolders(actor)) {
			throw new ConsentForbidden(RefusalReason.ROLE_NOT_ALLOWED.name());
		}
		if (vNumber == null) {
			throw new ConsentRequestInvalid("VNUMBER_MISSING",
					"Name the status holder with 'vNumber' in the body of POST /api/v1/consents/search.");
		}
		return this.subjects.find(SubjectIdentifiers.parse(vNumber, null)).orElseThrow(ConsentNotVisible::new);
	}

	static Map<String, Object> view(Consent consent) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", consent.id());
		view.put("purpose", consent.purpose());
		view.put("purposeVersion", consent.purposeVersion());
		view.put("from", consent.from());
		view.put("to", consent.to());
		view.put("documentTypes", consent.documents().stream().map(DocumentType::code).toList());
		view.put("status", consent.status().code());
		view.put("method", consent.method().kind().code());
		view.put("language", consent.language());
		view.put("textSha256", consent.textSha256());
		view.put("grantedAt", consent.grantedAt().toString());
		view.put("validUntil", consent.validUntil().toString());
		view.put("statement", consent.statement());
		view.put("links", Map.of("status", "/api/v1/consents/" + consent.id() + "/status"));
		return view;
	}

	/** The consent does not exist or is not yours to see. */
	static class ConsentNotVisible extends ProblemException {

		ConsentNotVisible() {
			super(ProblemCode.NOT_FOUND, "No consent with this id that you may see.");
		}

	}

	/**
	 * A refusal with the bounded reason it is answered with and, for a grant, audited
	 * with.
	 */
	abstract static class ConsentRefusal extends ProblemException {

		private final String reason;

		ConsentRefusal(ProblemCode code, String reason, String detail) {
			super(code, detail);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("reason", this.reason);
		}

	}

	/** Only status holders and case managers grant consents. */
	static class ConsentForbidden extends ConsentRefusal {

		ConsentForbidden(String reason) {
			super(ProblemCode.FORBIDDEN, reason,
					"Only a status holder, or a case manager on their behalf, may do this.");
		}

	}

	/** The query lacks what it needs. */
	static class ConsentRequestInvalid extends ConsentRefusal {

		ConsentRequestInvalid(String reason, String detail) {
			super(ProblemCode.UNPROCESSABLE, reason, detail);
		}

	}

	/** The grant lacks required members; they are named by pointer, never by value. */
	static class GrantIncomplete extends ConsentRefusal {

		private final List<String> missing;

		GrantIncomplete(List<String> missing) {
			super(ProblemCode.INVALID_GRANT, "MEMBER_MISSING",
					"The grant lacks required members (absent, null or blank); see 'missing'.");
			this.missing = List.copyOf(missing);
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("reason", reason(), "missing", this.missing);
		}

	}

	/** A member of 'documentTypes' names no document type. */
	static class UnknownDocumentType extends ConsentRefusal {

		UnknownDocumentType() {
			super(ProblemCode.UNKNOWN_DOCUMENT_TYPE, "UNKNOWN_DOCUMENT_TYPE",
					"Unknown document type in 'documentTypes'.");
		}

	}

}
