package nl.ketenpoort.gateway.console.internal;

import java.util.List;
import java.util.Optional;

import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.audit.AuditReads;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.identity.AccessPolicy;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.portal.PageTexts;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A case manager looks up one status holder by V-number (posted, never in the address)
 * and sees which documents their organisation sent or received, where each stands, and
 * the receiving contact person from the latest handover notice. Each look-up is audited.
 */
@Controller
@RequestMapping("/console/documents")
class DocumentsController {

	private final Subjects subjects;

	private final SubjectDocuments documents;

	private final Exchanges exchanges;

	private final PageTexts texts;

	private final AuditReads audit;

	private final JsonMapper json;

	private final AccessPolicy access;

	DocumentsController(Subjects subjects, SubjectDocuments documents, Exchanges exchanges, PageTexts texts,
			AuditReads audit, JsonMapper json, AccessPolicy access) {
		this.access = access;
		this.subjects = subjects;
		this.documents = documents;
		this.exchanges = exchanges;
		this.texts = texts;
		this.audit = audit;
		this.json = json;
	}

	/** The look-up form. */
	record LookUp(@Nullable String vNumber) {
	}

	@GetMapping
	String form() {
		Section.DOCUMENTS.require(Actors.current());
		return "console/documents";
	}

	@PostMapping
	String lookUp(@ModelAttribute LookUp form, Model model) {
		Actor actor = Section.DOCUMENTS.require(Actors.current());
		Optional<SubjectRef> subject = find(form.vNumber());
		if (subject.isEmpty()) {
			model.addAttribute("error", "msg.unknown-subject");
			return "console/documents";
		}
		// Only what the professional's own organisation sent or received.
		List<String> own = this.access.ownPartners(actor);
		List<Row> rows = this.documents.of(subject.get().pseudonym(), own)
			.stream()
			.map((document) -> new Row(this.texts.document(document.documentType()), document.purpose(),
					this.texts.partner(document.sender()), this.texts.partner(document.recipient()), document.status(),
					this.texts.dateTime(document.acceptedAt()), this.texts.dateTime(document.deliveredAt())))
			.toList();
		Optional<java.util.UUID> notice = this.documents.latestHandoverNotice(subject.get().pseudonym(), own);
		model.addAttribute("searched", true);
		model.addAttribute("rows", rows);
		model.addAttribute("noticeFound", notice.isPresent());
		model.addAttribute("contact", notice.flatMap(this.exchanges::payload).flatMap(this::contact).orElse(null));
		this.audit.record(actor, AuditEventType.AUDIT_READ, "documents", subject.get().pseudonym());
		return "console/documents";
	}

	private Optional<SubjectRef> find(@Nullable String vNumber) {
		if (vNumber == null || vNumber.isBlank()) {
			return Optional.empty();
		}
		try {
			return this.subjects.find(SubjectIdentifiers.parse(vNumber.strip(), null));
		}
		catch (IdentifierInvalid ex) {
			return Optional.empty();
		}
	}

	/**
	 * The receiving contact person, with the field names of the handover-notice schema.
	 */
	private Optional<Contact> contact(String payload) {
		try {
			JsonNode notice = this.json.readTree(payload);
			JsonNode organisation = notice.path("receivingOrganisation");
			JsonNode person = notice.path("receivingContact");
			String organisationName = organisation.path("name")
				.asString(this.texts.partner(organisation.path("id").asString("")));
			return Optional.of(new Contact(organisationName, organisation.path("team").asString(""),
					person.path("name").asString(""), person.path("role").asString(""),
					person.path("phone").asString(""), person.path("email").asString(""),
					notice.path("expectedFirstContact").asString("")));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/** One document as the table shows it. */
	record Row(String document, String purpose, String from, String to, String status, String accepted,
			String delivered) {
	}

	/** The receiving contact person of a handover notice. */
	record Contact(String organisation, String team, String name, String role, String phone, String email,
			String firstContact) {
	}

}
