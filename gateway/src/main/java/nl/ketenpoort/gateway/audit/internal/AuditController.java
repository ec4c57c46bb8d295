package nl.ketenpoort.gateway.audit.internal;

import nl.ketenpoort.gateway.audit.AuditEvidence;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.identity.AccessPolicy.EventScope;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.IdentifierInQuery;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditExports;
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditQueries;
import nl.ketenpoort.gateway.audit.AuditReads;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.AuditRetention;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.audit.AuditView;
import nl.ketenpoort.gateway.audit.PrunedRanges;
import nl.ketenpoort.gateway.audit.VerifyJob;
import nl.ketenpoort.gateway.audit.VerifyJobs;

/**
 * The audit log for privacy officers (search, the trail of an exchange, verification,
 * export, per-purpose overview; only events in which their organisation took part) and
 * for status holders (their own events). Every read is itself recorded.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Search, verify and export the audit log")
class AuditController {

	private final AuditQueries queries;

	private final AuditTrail trail;

	private final PrunedRanges pruned;

	private final AuditRetention retention;

	private final VerifyJobs verifications;

	private final Partners partners;

	private final Subjects subjects;

	private final AuditCheckpoints checkpoints;

	private final AuditProofs proofs;

	private final AuditEvidence evidence;

	private final AuditSigningKeys signingKeys;

	private final AuditReads reads;

	private final AccessPolicy access;

	AuditController(AuditQueries queries, AuditTrail trail, VerifyJobs verifications, Partners partners,
			Subjects subjects, AuditCheckpoints checkpoints, AuditSigningKeys signingKeys, AuditReads reads,
			PrunedRanges pruned, AuditRetention retention, AccessPolicy access, AuditProofs proofs,
			AuditEvidence evidence) {
		this.proofs = proofs;
		this.evidence = evidence;
		this.access = access;
		this.reads = reads;
		this.pruned = pruned;
		this.retention = retention;
		this.checkpoints = checkpoints;
		this.signingKeys = signingKeys;
		this.queries = queries;
		this.trail = trail;
		this.verifications = verifications;
		this.partners = partners;
		this.subjects = subjects;
	}

	@GetMapping("/events")
	@Operation(summary = "Search events (privacy officer): by partner, purpose, outcome, time", deprecated = true,
			description = "Deprecated: use POST /audit/events/search. A vNumber or bsn here answers 400"
					+ " IDENTIFIER_IN_QUERY (identifiers stay out of URLs); this operation goes in the next release.")
	Map<String, Object> search(@RequestParam(required = false) @Nullable String vNumber,
			@RequestParam(required = false) @Nullable String bsn,
			@RequestParam(required = false) @Nullable String partner,
			@RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Actor officer = Actors.current();
		refuseIdentifiersInQuery(officer, "search", "POST /api/v1/audit/events/search", vNumber, bsn);
		return search(officer,
				new AuditSearchRequest(null, null, partner, purpose, outcome, type, from, to, page, size));
	}

	@PostMapping(path = "/events/search", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Search events (privacy officer): by V-number or BSN, partner, purpose, outcome, time",
			description = "The status holder's identifiers travel in the body, never in the URL. Only events in which"
					+ " your organisation took part; the search is recorded in the audit log (audit-read, search).")
	Map<String, Object> search(@RequestBody AuditSearchRequest request) {
		return search(Actors.current(), request);
	}

	private Map<String, Object> search(Actor officer, AuditSearchRequest request) {
		EventScope scope = officerScope(officer);
		String vNumber = request.vNumber();
		String bsn = request.bsn();
		String subjectRef = subjectRef(officer, vNumber, bsn);
		int page = request.pageOrFirst();
		int pageSize = Math.max(1, Math.min(request.sizeOrDefault(), 200));
		List<AuditRecord> events = (subjectRef == null && (vNumber != null || bsn != null)) ? List.of()
				: this.queries.search(new AuditQueries.Criteria(subjectRef, request.partner(), request.purpose(),
						request.outcome(), request.type(), request.from(), request.to()), scope, Math.max(page, 0),
						pageSize);
		this.reads.record(officer, AuditEventType.AUDIT_READ, "search", subjectRef);
		return Map.of("page", page, "size", pageSize, "events", events.stream().map(AuditController::view).toList());
	}

	@GetMapping("/exchanges/{id}")
	@Operation(summary = "The full trail of one exchange (privacy officer of a party to it)")
	Map<String, Object> exchangeTrail(@PathVariable UUID id) {
		Actor officer = Actors.current();
		EventScope scope = officerScope(officer);
		List<AuditRecord> events = this.queries.trail(id);
		boolean party = events.stream()
			.anyMatch((record) -> scope.tookPart(record.event().sender(), record.event().recipient()));
		this.reads.record(officer, AuditEventType.AUDIT_READ, party ? "trail" : "trail-denied", null);
		if (!party) {
			throw new AuditNotVisible();
		}
		return Map.of("exchangeId", id, "events", events.stream().map(AuditController::view).toList());
	}

	@PostMapping("/verify")
	@Operation(summary = "Start verifying the hash chain and the signed checkpoints, in the background",
			description = "Answers 202 at once with the job and its status resource in Location; while a verification"
					+ " of your organisation runs, asking again answers that one. The request is recorded in the audit"
					+ " log as a read (audit-read, verify). Changed: this used to answer 200 with intact, checked,"
					+ " checkpoints, pruned (and firstBadPosition, kind); those fields are now under result of the"
					+ " status resource once its state is done.")
	@ApiResponse(responseCode = "202", description = "Verifying; poll the status resource",
			headers = @Header(name = HttpHeaders.LOCATION, description = "The status resource of the job"))
	ResponseEntity<Map<String, Object>> verify() {
		Actor officer = Actors.current();
		VerifyJob job = this.verifications.start(organisationOf(officer));
		this.reads.record(officer, AuditEventType.AUDIT_READ, "verify", null);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/audit/verify/" + job.id()))
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(job.view());
	}

	@GetMapping("/verify/{id}")
	@Operation(summary = "How far a verification is: state, positions checked of the total, and the result when done",
			description = "state is running, done or failed; when done, result holds intact, checked, checkpoints,"
					+ " pruned and, when broken, firstBadPosition and kind. Only your organisation's jobs are found.")
	ResponseEntity<Map<String, Object>> verification(@PathVariable UUID id) {
		Actor officer = Actors.current();
		VerifyJob job = this.verifications.find(id, organisationOf(officer)).orElseThrow(AuditNotVisible::new);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (job.running()) {
			answer.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return answer.body(job.view());
	}

	@GetMapping("/overview")
	@Operation(summary = "Per purpose, partner pair and month: how many exchanges (Art. 30 overview)")
	Map<String, Object> overview() {
		Actor officer = Actors.current();
		EventScope scope = officerScope(officer);
		this.reads.record(officer, AuditEventType.AUDIT_READ, "overview", null);
		return Map.of("rows", this.queries.overview(scope));
	}

	@GetMapping("/export")
	@Operation(summary = "GDPR Art. 15 export of one status holder's events (json, csv, logboek or html)",
			deprecated = true,
			description = "Deprecated: use POST /audit/exports. A vNumber or bsn here answers 400 IDENTIFIER_IN_QUERY"
					+ " (identifiers stay out of URLs); this operation goes in the next release.")
	@Nullable ResponseEntity<?> export(@RequestParam(required = false) @Nullable String vNumber,
			@RequestParam(required = false) @Nullable String bsn, @RequestParam(defaultValue = "json") String format,
			HttpServletResponse response) {
		Actor officer = Actors.current();
		refuseIdentifiersInQuery(officer, "export", "POST /api/v1/audit/exports", vNumber, bsn);
		return export(officer, new AuditExportRequest(null, null, format), response);
	}

	@PostMapping(path = "/exports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "GDPR Art. 15 export of one status holder's events (json, csv, logboek or html)",
			description = "The status holder's identifiers (vNumber or bsn) and the format travel in the body, never in"
					+ " the URL. Only events in which your organisation took part; the export is recorded in the audit"
					+ " log (export, with the format).")
	@Nullable ResponseEntity<?> export(@RequestBody AuditExportRequest request, HttpServletResponse response) {
		return export(Actors.current(), request, response);
	}

	private @Nullable ResponseEntity<?> export(Actor officer, AuditExportRequest request,
			HttpServletResponse response) {
		EventScope scope = officerScope(officer);
		String subjectRef = subjectRef(officer, request.vNumber(), request.bsn());
		if (subjectRef == null) {
			throw new AuditNotVisible();
		}
		ExportFormat chosen = format(officer, request.formatOrJson());
		List<AuditRecord> events = this.queries
			.search(new AuditQueries.Criteria(subjectRef, null, null, null, null, null, null), scope, 0, 10_000);
		this.reads.record(officer, AuditEventType.EXPORT, chosen.code(), subjectRef);
		return exportAs(events, chosen, response);
	}

	/**
	 * Refuses identifiers in the query string, after the access check (whoever may not
	 * read the log learns nothing more), and records the refusal with its bounded reason.
	 */
	private void refuseIdentifiersInQuery(Actor officer, String what, String use, @Nullable String vNumber,
			@Nullable String bsn) {
		officerScope(officer);
		if (vNumber != null || bsn != null) {
			this.reads.refused(officer, what, RefusalReason.IDENTIFIER_IN_QUERY.name());
			IdentifierInQuery.refuseIfSent(use, vNumber, bsn);
		}
	}

	@GetMapping("/me")
	@Operation(summary = "Your own events (status holder): who received what about you, when and why")
	Map<String, Object> mine() {
		Actor holder = Actors.current();
		EventScope scope = this.access.ownEvents(holder).orElseThrow(AuditNotVisible::new);
		String subjectRef = scope.subject();
		List<AuditRecord> events = this.queries
			.search(new AuditQueries.Criteria(subjectRef, null, null, null, null, null, null), scope, 0, 500);
		this.reads.record(holder, AuditEventType.AUDIT_READ, "own-events", subjectRef);
		return Map.of("events", events.stream().map(this::plainWords).toList(), "retention", retentionOf(events));
	}

	@GetMapping("/me/export")
	@Operation(summary = "Download your own events (json, csv, logboek or html)")
	@Nullable ResponseEntity<?> myExport(@RequestParam(defaultValue = "json") String format, HttpServletResponse response) {
		Actor holder = Actors.current();
		EventScope scope = this.access.ownEvents(holder).orElseThrow(AuditNotVisible::new);
		String subjectRef = scope.subject();
		List<AuditRecord> events = this.queries
			.search(new AuditQueries.Criteria(subjectRef, null, null, null, null, null, null), scope, 0, 10_000);
		ExportFormat chosen = format(holder, format);
		this.reads.record(holder, AuditEventType.EXPORT, chosen.code(), subjectRef);
		return exportAs(events, chosen, response);
	}

	/**
	 * The export format asked for; another value is refused and recorded as a refused
	 * export, never with the value itself.
	 */
	private ExportFormat format(Actor actor, String format) {
		return ExportFormat.fromCode(format).orElseThrow(() -> {
			this.reads.refused(actor, "export", RefusalReason.FORMAT_UNKNOWN.name());
			return new ExportFormatUnknown();
		});
	}

	private @Nullable ResponseEntity<?> exportAs(List<AuditRecord> events, ExportFormat format,
			HttpServletResponse response) {
		if (format == ExportFormat.CSV) {
			// Written straight into the response; no entity is returned.
			AuditExports.csvDownload(events, response);
			return null;
		}
		if (format == ExportFormat.LOGBOEK) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(events.stream().flatMap((event) -> AuditExports.logboek(event).stream()).toList());
		}
		if (format == ExportFormat.HTML) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
				.body(AuditExports.html(events, retentionOf(events)));
		}
		// the evidence bundle lets anyone check these events against a signed checkpoint
		// offline (audit verify --bundle); the readable formats carry no proofs
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("events", events.stream().map(AuditController::view).toList(), "retention",
					retentionOf(events), "evidence", this.evidence.bundle(events)));
	}

	/**
	 * How long these events are kept, per purpose among them (GDPR Art. 15(1)(d)); events
	 * without a purpose under {@code other}.
	 */
	private Map<String, String> retentionOf(List<AuditRecord> events) {
		Map<String, String> periods = new java.util.TreeMap<>();
		for (AuditRecord record : events) {
			String purpose = record.event().purpose();
			periods.putIfAbsent((purpose != null) ? purpose : "other", this.retention.periodFor(purpose).toString());
		}
		return periods;
	}

	@GetMapping("/events/{id}/proof")
	@Operation(summary = "An RFC 9162 inclusion proof of one event in the audit tree of a signed checkpoint",
			description = "For a privacy officer of an organisation that took part in the event. The leaf is"
					+ " SHA-256(0x00 || the event's 32-byte chain hash); the proof (audit path, nearest sibling first)"
					+ " leads to the tree root the checkpoint's statement signs (claim tree_root, at size position),"
					+ " which verifies with GET /api/v1/audit/checkpoints' keys. Staged events have no proof until"
					+ " they are chained, moments later. See docs/audit-formats.md.")
	Map<String, Object> proof(@PathVariable UUID id) {
		Actor officer = Actors.current();
		EventScope scope = officerScope(officer);
		java.util.Optional<AuditRecord> event = this.queries.chainedEvent(id, scope);
		this.reads.record(officer, AuditEventType.AUDIT_READ, event.isPresent() ? "proof" : "proof-denied", null);
		try {
			return this.proofs.inclusion(event.orElseThrow(AuditNotVisible::new));
		}
		catch (AuditTree.ProofOutOfRange ex) {
			throw new AuditNotVisible();
		}
	}

	@GetMapping("/consistency")
	@Operation(summary = "An RFC 9162 consistency proof between the trees of two signed checkpoints",
			description = "first and second are the positions (tree sizes) of two checkpoints that carry a"
					+ " tree_root; the proof shows the second tree extends the first, so nothing signed before was"
					+ " rewritten. Hashes only, no event.")
	Map<String, Object> consistency(@RequestParam long first, @RequestParam long second) {
		Actor officer = officer();
		this.reads.record(officer, AuditEventType.AUDIT_READ, "consistency", null);
		try {
			return this.proofs.consistency(first, second);
		}
		catch (AuditTree.ProofOutOfRange ex) {
			throw new AuditNotVisible();
		}
	}

	@GetMapping("/checkpoints")
	@Operation(summary = "Signed checkpoints of the chain and the keys that verify them, for safekeeping elsewhere",
			description = "Each checkpoint is a JWS statement (keys: the ES256 JWK set) and, once it has a tree root, a"
					+ " C2SP signed note (note: origin, tree size, base64 root; noteKeys: the Ed25519 verifier keys,"
					+ " active first, retired ones kept). See docs/audit-formats.md.")
	Map<String, Object> checkpoints() {
		Actor officer = officer();
		this.reads.record(officer, AuditEventType.AUDIT_READ, "checkpoints", null);
		return Map.of("checkpoints", this.checkpoints.all(), "keys", this.signingKeys.publicKeys().toJSONObject(),
				"origin", this.signingKeys.origin(), "noteKeys", this.signingKeys.noteVerifierKeys());
	}

	@GetMapping("/retention")
	@Operation(summary = "Retention period per purpose, and the signed statements of every pruning so far")
	Map<String, Object> retention() {
		Actor officer = officer();
		this.reads.record(officer, AuditEventType.AUDIT_READ, "retention", null);
		return Map.of("retention", this.retention.inForce(), "prunings", this.pruned.prunings(), "keys",
				this.signingKeys.publicKeys().toJSONObject());
	}

	private Map<String, Object> plainWords(AuditRecord record) {
		AuditEvent e = record.event();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("when", record.recordedAt().toString());
		view.put("what", e.type().code());
		view.put("document", e.documentType());
		view.put("purpose", e.purpose());
		view.put("from", organisationName(e.sender()));
		view.put("to", organisationName(e.recipient()));
		view.put("outcome", e.outcome().name().toLowerCase());
		view.put("fields", e.fieldNames());
		return view;
	}

	private @Nullable String organisationName(@Nullable String partnerId) {
		return (partnerId == null) ? null : this.partners.find(partnerId).map(Partner::displayName).orElse(partnerId);
	}

	static Map<String, Object> view(AuditRecord record) {
		return AuditFields.json(record, AuditView.API);
	}

	private @Nullable String subjectRef(Actor officer, @Nullable String vNumber, @Nullable String bsn) {
		if (vNumber == null && bsn == null) {
			return null;
		}
		try {
			return this.subjects.find(SubjectIdentifiers.parse(vNumber, bsn)).map(SubjectRef::pseudonym).orElse(null);
		}
		catch (IdentifierInvalid | SubjectLinkRefused ex) {
			// The attempt is recorded with the library's bounded reason, never with what
			// was typed; the problem handler answers.
			this.reads.refused(officer, "search", Objects.requireNonNull(ex.failureReason()));
			throw ex;
		}
	}

	private EventScope officerScope(Actor actor) {
		return this.access.organisationEvents(actor).orElseThrow(AuditNotVisible::new);
	}

	/**
	 * The organisation whose audit log the actor may read, if the access policy lets
	 * them.
	 */
	private String organisationOf(Actor actor) {
		String organisation = officerScope(actor).organisation();
		if (organisation == null) {
			throw new AuditNotVisible();
		}
		return organisation;
	}

	/**
	 * The actor, if the access policy lets them read the audit log of an organisation.
	 */
	private Actor officer() {
		Actor actor = Actors.current();
		officerScope(actor);
		return actor;
	}

	/** Not found, or not yours to see: the two are not told apart. */
	static class AuditNotVisible extends ProblemException {

		AuditNotVisible() {
			super(ProblemCode.NOT_FOUND, "Nothing here that you may see.");
		}

	}

	/** The export format is none of those offered. */
	static class ExportFormatUnknown extends ProblemException {

		ExportFormatUnknown() {
			super(ProblemCode.INVALID_PARAMETER, "'format' must be one of json, csv, logboek or html.");
		}

	}

}
