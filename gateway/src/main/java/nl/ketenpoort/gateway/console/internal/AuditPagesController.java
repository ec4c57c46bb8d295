package nl.ketenpoort.gateway.console.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditReads;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditEvidence;
import nl.ketenpoort.gateway.audit.AuditWitnessStatus;
import nl.ketenpoort.gateway.audit.AuditQueries;
import nl.ketenpoort.gateway.audit.AuditRetention;
import nl.ketenpoort.gateway.audit.PrunedRanges;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.ChainVerification;
import nl.ketenpoort.gateway.audit.VerifyJob;
import nl.ketenpoort.gateway.audit.VerifyJobs;
import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.identity.AccessPolicy.EventScope;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.portal.PageForbidden;
import nl.ketenpoort.gateway.portal.PageNotFound;
import nl.ketenpoort.gateway.portal.PageTexts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The privacy officer's audit pages: search, the trail of one exchange, chain
 * verification, export and the per-purpose overview. Like the audit API, an officer sees
 * only events in which a partner system of their own organisation took part (or which a
 * person of their organisation caused), and every read is itself recorded.
 */
@Controller
@RequestMapping("/console/audit")
class AuditPagesController {

	private static final int PAGE_SIZE = 200;

	private static final int EXPORT_LIMIT = 10_000;

	private final AuditQueries queries;

	private final VerifyJobs verifications;

	private final Subjects subjects;

	private final Partners partners;

	private final PurposeCatalogue catalogue;

	private final PageTexts texts;

	private final AuditReads audit;

	private final JsonMapper json;

	private final AuditRetention retention;

	private final PrunedRanges pruned;

	private final AccessPolicy access;

	private final AuditEvidence evidence;

	private final AuditWitnessStatus witnesses;

	AuditPagesController(AuditQueries queries, VerifyJobs verifications, Subjects subjects, Partners partners,
			PurposeCatalogue catalogue, PageTexts texts, AuditReads audit, JsonMapper json, AuditRetention retention,
			PrunedRanges pruned, AccessPolicy access, AuditEvidence evidence, AuditWitnessStatus witnesses) {
		this.evidence = evidence;
		this.witnesses = witnesses;
		this.access = access;
		this.retention = retention;
		this.pruned = pruned;
		this.queries = queries;
		this.verifications = verifications;
		this.subjects = subjects;
		this.partners = partners;
		this.catalogue = catalogue;
		this.texts = texts;
		this.audit = audit;
		this.json = json;
	}

	/** The search form; identifiers travel only in the body of a post. */
	record Search(@Nullable String vNumber, @Nullable String bsn, @Nullable String partner, @Nullable String purpose,
			@Nullable String outcome, @Nullable String from, @Nullable String until, @Nullable String format) {

		static Search empty() {
			return new Search(null, null, null, null, null, null, null, null);
		}

		boolean namesSubject() {
			return present(this.vNumber) || present(this.bsn);
		}

	}

	@GetMapping
	String searchForm(Model model) {
		Section.AUDIT.require(Actors.current());
		return show(model, Search.empty());
	}

	@PostMapping("/search")
	String search(@ModelAttribute Search search, Model model) {
		Actor officer = Section.AUDIT.require(Actors.current());
		Optional<String> malformed = malformedIdentifier(search);
		if (malformed.isPresent()) {
			// As the API: the attempt is recorded with the bounded reason, nothing is
			// read.
			this.audit.refused(officer, "search", malformed.get());
			model.addAttribute("error", "msg.invalid");
			return show(model, search);
		}
		String subjectRef = subjectRef(search);
		List<AuditRecord> events = find(officer, search, subjectRef, PAGE_SIZE);
		this.audit.record(officer, AuditEventType.AUDIT_READ, "search", subjectRef);
		model.addAttribute("results", events.stream().map(this::row).toList());
		return show(model, search);
	}

	@PostMapping("/export")
	@Nullable ResponseEntity<byte[]> export(@ModelAttribute Search search, HttpServletResponse response) {
		Actor officer = Section.AUDIT.require(Actors.current());
		String subjectRef = subjectRef(search);
		List<AuditRecord> events = find(officer, search, subjectRef, EXPORT_LIMIT);
		boolean csv = "csv".equals(search.format());
		this.audit.record(officer, AuditEventType.EXPORT, csv ? "csv" : "json", subjectRef);
		if (csv) {
			nl.ketenpoort.gateway.audit.AuditExports.csvDownload(events, response);
			return null;
		}
		byte[] body = this.json.writerWithDefaultPrettyPrinter()
			.writeValueAsBytes(Map.of("events", events.stream().map(AuditExport::json).toList(), "evidence",
					this.evidence.bundle(events)));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ketenpoort-audit.json\"")
			.body(body);
	}

	@GetMapping("/exchanges/{id}")
	String trail(@PathVariable UUID id, Model model) {
		Actor officer = Section.AUDIT.require(Actors.current());
		EventScope scope = scope(officer);
		List<AuditRecord> events = this.queries.trail(id);
		boolean party = events.stream()
			.anyMatch((record) -> scope.tookPart(record.event().sender(), record.event().recipient()));
		this.audit.record(officer, AuditEventType.AUDIT_READ, party ? "trail" : "trail-denied", null);
		if (!party) {
			throw new PageNotFound();
		}
		model.addAttribute("exchangeId", id);
		model.addAttribute("events", events.stream().map(this::row).toList());
		return "console/trail";
	}

	/**
	 * Starts verifying in the background (or joins the organisation's running
	 * verification) and shows its progress on a page of its own.
	 */
	@PostMapping("/verify")
	String verify() {
		Actor officer = Section.AUDIT.require(Actors.current());
		VerifyJob job = this.verifications.start(organisation(officer));
		this.audit.record(officer, AuditEventType.AUDIT_READ, "verify", null);
		return "redirect:/console/audit/verify/" + job.id();
	}

	/** How far the verification is, and its result when done; reload to follow it. */
	@GetMapping("/verify/{id}")
	String verification(@PathVariable UUID id, Model model) {
		Actor officer = Section.AUDIT.require(Actors.current());
		VerifyJob job = this.verifications.find(id, organisation(officer)).orElseThrow(PageNotFound::new);
		ChainVerification result = job.result();
		model.addAttribute("job", job);
		model.addAttribute("verification", result);
		model.addAttribute("breakKind",
				(result != null && result.kind() != null) ? result.kind().name().toLowerCase(Locale.ROOT) : "");
		return "console/verification";
	}

	@GetMapping("/overview")
	String overview(Model model) {
		Actor officer = Section.OVERVIEW.require(Actors.current());
		List<Map<String, Object>> rows = this.queries.overview(scope(officer));
		this.audit.record(officer, AuditEventType.AUDIT_READ, "overview", null);
		List<Map<String, Object>> shown = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> view = new LinkedHashMap<>(row);
			view.put("purposeTitle", title(String.valueOf(row.get("purpose"))));
			view.put("sender", this.texts.partner(String.valueOf(row.get("sender"))));
			view.put("recipient", this.texts.partner(String.valueOf(row.get("recipient"))));
			shown.add(view);
		}
		model.addAttribute("rows", shown);
		model.addAttribute("retention", this.catalogue.purposes()
			.stream()
			.map(Purpose::code)
			.sorted()
			.map((code) -> Map.of("title", title(code), "period", this.texts.period(this.retention.periodFor(code))))
			.toList());
		model.addAttribute("defaultRetention", this.texts.period(this.retention.defaultPeriod()));
		List<PrunedRanges.Pruning> prunings = this.pruned.prunings();
		model.addAttribute("lastPruning", prunings.isEmpty() ? null : prunings.get(prunings.size() - 1));
		model.addAttribute("lastPruningDate",
				prunings.isEmpty() ? "" : this.texts.dateTime(prunings.get(prunings.size() - 1).prunedAt()));
		return "console/overview";
	}

	private String show(Model model, Search search) {
		model.addAttribute("search", search);
		model.addAttribute("partners", this.partners.all());
		model.addAttribute("purposes",
				this.catalogue.purposes()
					.stream()
					.map(Purpose::code)
					.sorted()
					.map((code) -> Map.of("code", code, "title", title(code)))
					.toList());
		model.addAttribute("outcomes", List.of("SUCCESS", "REFUSED", "FAILED"));
		model.addAttribute("witnessCount", this.witnesses.configured());
		model.addAttribute("witnessQuorum", this.witnesses.quorum());
		this.witnesses.lastWitnessed().ifPresent((witnessed) -> {
			model.addAttribute("witnessed", witnessed);
			model.addAttribute("witnessedAt",
					java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
						.withZone(java.time.ZoneOffset.UTC)
						.format(witnessed.createdAt()));
		});
		return "console/audit";
	}

	private List<AuditRecord> find(Actor officer, Search search, @Nullable String subjectRef, int limit) {
		if (search.namesSubject() && subjectRef == null) {
			// An identifier nobody knows matches nothing, rather than everything.
			return List.of();
		}
		AuditQueries.Criteria criteria = new AuditQueries.Criteria(subjectRef, blankToNull(search.partner()),
				blankToNull(search.purpose()), blankToNull(search.outcome()), null, day(search.from(), 0),
				day(search.until(), 1));
		return this.queries.search(criteria, scope(officer), 0, limit);
	}

	/** The bounded reason why the identifiers searched for are unusable, if they are. */
	private Optional<String> malformedIdentifier(Search search) {
		if (!search.namesSubject()) {
			return Optional.empty();
		}
		try {
			SubjectIdentifiers.parse(blankToNull(search.vNumber()), blankToNull(search.bsn()));
			return Optional.empty();
		}
		catch (IdentifierInvalid ex) {
			return Optional.of(ex.code());
		}
	}

	private @Nullable String subjectRef(Search search) {
		if (!search.namesSubject()) {
			return null;
		}
		try {
			return this.subjects
				.find(SubjectIdentifiers.parse(blankToNull(search.vNumber()), blankToNull(search.bsn())))
				.map(SubjectRef::pseudonym)
				.orElse(null);
		}
		catch (IdentifierInvalid | SubjectLinkRefused ex) {
			return null;
		}
	}

	/** The organisation whose audit log this officer reads. */
	private String organisation(Actor officer) {
		String organisation = scope(officer).organisation();
		if (organisation == null) {
			throw new PageForbidden();
		}
		return organisation;
	}

	/** What the access policy lets this officer see; the section checked the role. */
	private EventScope scope(Actor officer) {
		return this.access.organisationEvents(officer).orElseThrow(PageForbidden::new);
	}

	private Row row(AuditRecord record) {
		AuditEvent event = record.event();
		// A staged event has no place in the chain for a moment yet.
		return new Row(record.chained() ? Long.toString(record.position()) : "\u2013",
				this.texts.dateTime(record.recordedAt()), event.type().code(), event.outcome().name(),
				nz(event.reasonCode()), nz(event.purpose()), this.texts.partner(event.sender()),
				this.texts.partner(event.recipient()), nz(event.documentType()), event.exchangeId(),
				event.actor().kind() + ((event.actor().role() != null) ? " " + event.actor().role() : ""),
				String.join(", ", event.fieldNames()));
	}

	private String title(String purpose) {
		return this.catalogue.find(purpose)
			.map((found) -> found.text(nl.ketenpoort.gateway.portal.PageLanguages.current().code()).title())
			.orElse(purpose);
	}

	private static @Nullable Instant day(@Nullable String date, int plusDays) {
		if (!present(date)) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip()).plusDays(plusDays).atStartOfDay(PageTexts.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return present(value) ? value.strip() : null;
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String nz(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/** One audit event as the tables show it. */
	record Row(String position, String time, String type, String outcome, String reason, String purpose, String from,
			String to, String document, @Nullable UUID exchangeId, String actor, String fields) {
	}

}
