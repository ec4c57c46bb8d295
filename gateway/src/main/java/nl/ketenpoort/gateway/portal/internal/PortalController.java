package nl.ketenpoort.gateway.portal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentNotActive;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentStatus;
import nl.ketenpoort.consent.GrantRefused;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.purpose.PurposeText;
import nl.ketenpoort.consent.purpose.Route;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.audit.AuditReads;
import nl.ketenpoort.gateway.audit.AuditRetention;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditEvidence;
import nl.ketenpoort.gateway.audit.AuditQueries;
import nl.ketenpoort.gateway.audit.AuditRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.AccessPolicy.EventScope;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import nl.ketenpoort.gateway.portal.PageForbidden;
import nl.ketenpoort.gateway.portal.PageLanguages;
import nl.ketenpoort.gateway.portal.PageNotFound;
import nl.ketenpoort.gateway.portal.PageTexts;

/**
 * The status holder's own page: the purposes in their language, their consents by status,
 * who received what about them, and the download of their own data.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

	private static final Logger logger = LoggerFactory.getLogger(PortalController.class);

	private static final Set<AuditEventType> EXCHANGE_EVENTS = Set.of(AuditEventType.ACCEPTED, AuditEventType.DELIVERED,
			AuditEventType.REFUSED, AuditEventType.FAILED, AuditEventType.DEAD_LETTERED);

	private final PurposeCatalogue catalogue;

	private final ConsentRegistry registry;

	private final AuditQueries audit;

	private final AuditReads reads;

	private final PageTexts texts;

	private final JsonMapper json;

	private final AuditRetention retention;

	private final AccessPolicy access;

	private final AuditEvidence evidence;

	PortalController(PurposeCatalogue catalogue, ConsentRegistry registry, AuditQueries audit, AuditReads reads,
			PageTexts texts, JsonMapper json, AuditRetention retention, AccessPolicy access, AuditEvidence evidence) {
		this.evidence = evidence;
		this.access = access;
		this.retention = retention;
		this.catalogue = catalogue;
		this.registry = registry;
		this.audit = audit;
		this.reads = reads;
		this.texts = texts;
		this.json = json;
	}

	/** A grant as the portal form posts it: the purpose and the text that was shown. */
	record GrantForm(String purpose, String language, String textSha256, @Nullable List<String> recipients) {

		/**
		 * The recipients the status holder ticked; none when the form offered no choice.
		 */
		Set<String> chosen() {
			return (this.recipients != null) ? Set.copyOf(this.recipients) : Set.of();
		}

	}

	@GetMapping
	String portal(Model model, HttpServletRequest request) {
		Actor holder = statusHolder();
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ActingForCheck.ENDED_ATTRIBUTE) != null) {
			// Said once: the representation this login started with has ended.
			session.removeAttribute(ActingForCheck.ENDED_ATTRIBUTE);
			model.addAttribute("notice", "msg.acting-for.ended");
		}
		SubjectRef subject = subject(holder);
		model.addAttribute("actingFor", holder.actingFor().isPresent());
		String language = PageLanguages.current().code();
		Instant now = Instant.now();
		List<Consent> consents = this.registry.listForSubject(subject);
		List<PurposeView> purposes = this.catalogue.purposes()
			.stream()
			.sorted(Comparator.comparing(Purpose::code))
			.map((purpose) -> purposeView(purpose, language, consents, now))
			.toList();
		Map<ConsentStatus, List<ConsentView>> byStatus = new LinkedHashMap<>();
		for (ConsentStatus status : ConsentStatus.values()) {
			byStatus.put(status, new ArrayList<>());
		}
		consents.forEach((consent) -> byStatus.get(consent.statusAt(now)).add(consentView(consent, now)));
		List<ReceivedView> received = ownEvents(holder, 500).stream()
			.filter((record) -> EXCHANGE_EVENTS.contains(record.event().type()))
			.map(this::receivedView)
			.toList();
		this.reads.record(holder, AuditEventType.AUDIT_READ, "own-events", subject.pseudonym());
		model.addAttribute("purposes", purposes);
		model.addAttribute("groups",
				byStatus.entrySet()
					.stream()
					.map((entry) -> new ConsentGroup(entry.getKey().code(), entry.getValue()))
					.toList());
		model.addAttribute("received", received);
		model.addAttribute("retention", this.texts.period(this.retention.longest()));
		return "portal/index";
	}

	@PostMapping("/consents")
	@Transactional
	String grant(@ModelAttribute GrantForm form, RedirectAttributes redirect) {
		Actor holder = statusHolder();
		SubjectRef subject = subject(holder);
		Purpose purpose = this.catalogue.find(form.purpose()).orElseThrow(PageNotFound::new);
		// The hash must be that of the text the page showed in the language it showed;
		// when the catalogue changed in between, the status holder reads the new text
		// first.
		if (!purpose.offersLanguage(form.language())
				|| !purpose.text(form.language()).sha256().equals(form.textSha256())) {
			logger.debug("Refused a portal grant: the text shown is not the current catalogue text");
			return back(redirect, "error", "msg.text-changed");
		}
		Instant now = Instant.now();
		boolean alreadyActive = this.registry.listForSubject(subject)
			.stream()
			.anyMatch((consent) -> consent.purpose().equals(purpose.code())
					&& consent.statusAt(now) == ConsentStatus.ACTIVE);
		if (alreadyActive) {
			return back(redirect, "notice", "msg.already");
		}
		// Where a route reaches several organisations (one language school or another),
		// the status holder names the ones they agree to: a consent is specific, and
		// nothing is ticked for them. A route with one recipient needs no choice.
		Set<String> choosable = choosable(purpose);
		Set<String> chosen = form.chosen();
		if (!choosable.containsAll(chosen) || (!choosable.isEmpty() && chosen.isEmpty())) {
			return back(redirect, "error", "msg.choose-recipient");
		}
		// One consent per route: a consent names one sender, and the purpose explains
		// all of its routes together.
		boolean created = false;
		try {
			for (Route route : purpose.routes()) {
				List<String> to = (route.to().size() > 1) ? route.to().stream().filter(chosen::contains).toList()
						: route.to();
				if (to.isEmpty()) {
					continue;
				}
				created |= this.registry
					.grant(new GrantRequest(subject, purpose.code(), route.from(), to,
							route.documentTypes().stream().sorted().toList(), null, portalMethod(holder),
							form.language(), form.textSha256()))
					.created();
			}
		}
		catch (GrantRefused ex) {
			if (ex.reason() != GrantRefused.Reason.OVERLAPS_ACTIVE_CONSENT) {
				throw ex;
			}
			// Another grant for this purpose got in first (a second tab, a case
			// manager): its consent stands, and none of this attempt is kept.
			logger.debug("Refused a portal grant: {}", ex.reason());
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return back(redirect, "notice", "msg.already");
		}
		// A repeat of what is already active stores nothing; the page shows the
		// consent that stands.
		return back(redirect, "notice", created ? "msg.granted" : "msg.already");
	}

	@PostMapping("/consents/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		Actor holder = statusHolder();
		Consent consent = this.registry.findIfPresent(id)
			.filter((found) -> this.access.maySee(holder, found))
			.orElseThrow(PageNotFound::new);
		try {
			this.registry.revoke(consent.id(), holder.id(), "revoked by the status holder in the portal");
		}
		catch (ConsentNotActive ex) {
			return back(redirect, "error", "msg.not-active");
		}
		return back(redirect, "notice", "msg.revoked");
	}

	@PostMapping("/export")
	ResponseEntity<byte[]> export() {
		Actor holder = statusHolder();
		SubjectRef subject = subject(holder);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("exportedAt", Instant.now().toString());
		body.put("consents", this.registry.listForSubject(subject).stream().map(PortalController::exported).toList());
		List<AuditRecord> events = ownEvents(holder, 10_000);
		body.put("events", events.stream().map(this::exported).toList());
		// what proves these events against the signed audit log, offline (audit verify
		// --bundle)
		body.put("evidence", this.evidence.bundle(events));
		this.reads.record(holder, AuditEventType.EXPORT, "json", subject.pseudonym());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ketenpoort-my-data.json\"")
			.body(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
	}

	private List<AuditRecord> ownEvents(Actor holder, int limit) {
		EventScope scope = this.access.ownEvents(holder).orElseThrow(PageNotFound::new);
		return this.audit.search(new AuditQueries.Criteria(scope.subject(), null, null, null, null, null, null), scope,
				0, limit);
	}

	/**
	 * The organisations a status holder chooses among: the recipients of the purpose's
	 * routes that reach more than one.
	 */
	private static Set<String> choosable(Purpose purpose) {
		Set<String> choosable = new java.util.LinkedHashSet<>();
		purpose.routes()
			.stream()
			.filter((route) -> route.to().size() > 1)
			.forEach((route) -> choosable.addAll(route.to()));
		return choosable;
	}

	private PurposeView purposeView(Purpose purpose, String language, List<Consent> consents, Instant now) {
		PurposeText text = purpose.text(language);
		List<String> routes = purpose.routes()
			.stream()
			.map((route) -> this.texts.message("portal.route", this.texts.partner(route.from()),
					this.texts.documents(route.documentTypes()), this.texts.partners(route.to())))
			.toList();
		boolean active = consents.stream()
			.anyMatch((consent) -> consent.purpose().equals(purpose.code())
					&& consent.statusAt(now) == ConsentStatus.ACTIVE);
		List<RecipientChoice> recipients = choosable(purpose).stream()
			.map((recipient) -> new RecipientChoice(recipient, this.texts.partner(recipient)))
			.toList();
		return new PurposeView(purpose.code(), text.language(), text.title(), text.explanation(), text.machineDraft(),
				text.sha256(), purpose.specialCategory(), routes, active, recipients);
	}

	private ConsentView consentView(Consent consent, Instant now) {
		String title = this.catalogue.find(consent.purpose())
			.map((purpose) -> purpose.text(PageLanguages.current().code()).title())
			.orElse(consent.purpose());
		return new ConsentView(consent.id(), title, this.texts.partner(consent.from()),
				this.texts.partners(consent.to()), this.texts.documents(consent.documents()),
				this.texts.date(consent.grantedAt()), consent.grantedAt().toString(),
				this.texts.date((consent.statusAt(now) == ConsentStatus.ACTIVE) ? consent.validUntil()
						: (consent.statusChangedAt() != null) ? consent.statusChangedAt() : consent.validUntil()),
				consent.statusAt(now) == ConsentStatus.ACTIVE);
	}

	private ReceivedView receivedView(AuditRecord record) {
		AuditEvent event = record.event();
		String purpose = (event.purpose() != null) ? this.catalogue.find(event.purpose())
			.map((found) -> found.text(PageLanguages.current().code()).title())
			.orElse(event.purpose()) : "";
		return new ReceivedView(this.texts.date(record.recordedAt()), record.recordedAt().toString(),
				this.texts.partner(event.sender()), this.texts.partner(event.recipient()),
				this.texts.document(event.documentType()), purpose, this.texts.message("event." + event.type().code()));
	}

	private static Map<String, Object> exported(Consent consent) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", consent.id().toString());
		view.put("purpose", consent.purpose());
		view.put("from", consent.from());
		view.put("to", consent.to());
		view.put("documentTypes", consent.documents().stream().map((type) -> type.code()).toList());
		view.put("status", consent.statusAt(Instant.now()).code());
		view.put("method", consent.method().kind().code());
		view.put("language", consent.language());
		view.put("textSha256", consent.textSha256());
		view.put("grantedAt", consent.grantedAt().toString());
		view.put("validUntil", consent.validUntil().toString());
		return view;
	}

	private Map<String, Object> exported(AuditRecord record) {
		AuditEvent event = record.event();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("when", record.recordedAt().toString());
		view.put("what", event.type().code());
		view.put("outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT));
		view.put("purpose", event.purpose());
		view.put("document", event.documentType());
		view.put("from", (event.sender() != null) ? this.texts.partner(event.sender()) : null);
		view.put("to", (event.recipient() != null) ? this.texts.partner(event.recipient()) : null);
		view.put("fields", event.fieldNames());
		return view;
	}

	/**
	 * Given in the portal: by the status holder, or by their representative, who is then
	 * recorded as the one who granted it.
	 */
	private static ConsentMethod portalMethod(Actor holder) {
		return holder.actingFor().isPresent() ? new ConsentMethod(ConsentMethod.Kind.PORTAL, holder.id(), null)
				: ConsentMethod.portal();
	}

	private static String back(RedirectAttributes redirect, String kind, String messageKey) {
		redirect.addFlashAttribute(kind, messageKey);
		return "redirect:/portal";
	}

	private static Actor statusHolder() {
		Actor actor = Actors.current();
		if (!actor.hasRole(Role.STATUS_HOLDER)) {
			throw new PageForbidden();
		}
		return actor;
	}

	/**
	 * The status holder's own subject, or the represented one's while acting for them.
	 */
	private static SubjectRef subject(Actor holder) {
		return new SubjectRef(holder.dataSubject().orElseThrow(PageNotFound::new));
	}

	/** A purpose as the portal shows it, with the exact text that gets hashed. */
	record PurposeView(String code, String language, String title, String explanation, boolean machineDraft,
			String textSha256, boolean specialCategory, List<String> routes, boolean active,
			List<RecipientChoice> recipients) {
	}

	/** An organisation the status holder may tick as a recipient. */
	record RecipientChoice(String id, String name) {
	}

	/** One of the status holder's consents. */
	record ConsentView(UUID id, String purpose, String from, String to, String documents, String given, String givenIso,
			String until, boolean revocable) {
	}

	/** The consents of one status: active, expired or revoked. */
	record ConsentGroup(String status, List<ConsentView> consents) {
	}

	/** One exchange event about the status holder, in plain words. */
	record ReceivedView(String date, String dateIso, String from, String to, String document, String purpose,
			String what) {
	}

}
