package nl.ketenpoort.gateway.exchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectIdentifier;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.IdentifierKind;
import nl.ketenpoort.schemas.fields.SubjectIdentifierField;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import nl.ketenpoort.schemas.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * The steps of the accept route, in the order of the flow: parse, authorise the sender,
 * validate, pseudonymise, match the subject, check consent, minimise. Each refuses with a
 * stable code and never echoes content.
 */
@Component
class AcceptSteps {

	private static final Logger log = LoggerFactory.getLogger(AcceptSteps.class);

	/** How many schema violations a refusal lists; the rest are only counted. */
	static final int MAX_LISTED_VIOLATIONS = 100;

	private final JsonMapper json;

	private final PurposeCatalogue purposes;

	private final Partners partners;

	private final DocumentSchemas schemas;

	private final Subjects subjects;

	private final ConsentChecks consents;

	AcceptSteps(JsonMapper json, PurposeCatalogue purposes, Partners partners, DocumentSchemas schemas,
			Subjects subjects, ConsentChecks consents) {
		this.json = json;
		this.purposes = purposes;
		this.partners = partners;
		this.schemas = schemas;
		this.subjects = subjects;
		this.consents = consents;
	}

	/**
	 * Reads the request from the body when it came over the API, then resolves its codes:
	 * a document type, a purpose in the catalogue, an active recipient, and the subject's
	 * identifiers. Every problem of the envelope is found before it is refused, so the
	 * answer lists them all at once (API Design Rules
	 * {@code /core/error-handling/all-errors}); the refusal's code is the first one's.
	 */
	Submission parse(Submission submission) {
		List<Invalid> errors = new ArrayList<>();
		ExchangeRequest request = submission.request();
		Submission read = submission;
		if (request == null) {
			request = read(submission, errors);
			read = submission.read(request);
		}
		DocumentType type = (request.documentType() != null)
				? DocumentType.fromCode(request.documentType()).orElse(null) : null;
		Purpose purpose = (request.purpose() != null) ? this.purposes.find(request.purpose()).orElse(null) : null;
		// Only a registered partner id is carried on: a refusal records the
		// recipient, and text the caller made up must never reach the audit log.
		PartnerId knownRecipient = (request.recipient() != null)
				? this.partners.find(request.recipient()).map((partner) -> PartnerId.of(partner.id())).orElse(null)
				: null;
		JsonNode document = request.document();
		if (type == null && request.documentType() != null) {
			errors.add(new Invalid(ProblemCode.UNKNOWN_DOCUMENT_TYPE, "/documentType",
					"'documentType' must be one of " + DocumentType.all() + ".", null));
		}
		if (purpose == null && request.purpose() != null) {
			errors.add(new Invalid(ProblemCode.UNKNOWN_PURPOSE, "/purpose",
					"'purpose' names no purpose in the catalogue; see GET /api/v1/purposes.", null));
		}
		if (request.recipient() != null
				&& (knownRecipient == null || this.partners.findActive(knownRecipient.value()).isEmpty())) {
			errors.add(new Invalid(ProblemCode.UNKNOWN_RECIPIENT, "/recipient", "'recipient' names no active partner.",
					null));
			knownRecipient = null;
		}
		SubjectIdentifiers identifiers = identifiers(request, errors);
		Submission parsed = read.parsed(type, purpose, knownRecipient, errors.isEmpty() ? identifiers : null, document);
		if (!errors.isEmpty()) {
			throw refusal(parsed, errors);
		}
		return parsed;
	}

	/**
	 * The subject's identifiers, or null with what is wrong with each added to the
	 * errors.
	 */
	private static @Nullable SubjectIdentifiers identifiers(ExchangeRequest request, List<Invalid> errors) {
		if (request.vNumber() == null && request.bsn() == null) {
			if (errors.stream().noneMatch((error) -> error.pointer().startsWith("/subject"))) {
				errors.add(new Invalid(ProblemCode.INVALID_ENVELOPE, "/subject",
						"'subject' must carry 'vNumber' and/or 'bsn'.", null));
			}
			return null;
		}
		// Each identifier on its own first, so that both are named when both are
		// malformed.
		boolean malformed = false;
		if (request.vNumber() != null) {
			malformed |= !parses(IdentifierKind.V_NUMBER, request.vNumber(), errors);
		}
		if (request.bsn() != null) {
			malformed |= !parses(IdentifierKind.BSN, request.bsn(), errors);
		}
		if (malformed) {
			return null;
		}
		try {
			return SubjectIdentifiers.parse(request.vNumber(), request.bsn());
		}
		catch (IdentifierInvalid ex) {
			addMalformed(ex, errors);
			return null;
		}
	}

	private static boolean parses(IdentifierKind kind, String value, List<Invalid> errors) {
		try {
			SubjectIdentifier.parse(kind, value);
			return true;
		}
		catch (IdentifierInvalid ex) {
			addMalformed(ex, errors);
			return false;
		}
	}

	private static void addMalformed(IdentifierInvalid ex, List<Invalid> errors) {
		log.debug("Refused a malformed subject identifier: {}", ex.code());
		String member = (ex.kind() == IdentifierKind.BSN) ? "bsn" : "vNumber";
		errors.add(new Invalid(ProblemCode.INVALID_SUBJECT, "/subject/" + member,
				"'subject." + member
						+ "' is malformed: a V-number has six to ten digits, a BSN nine that pass the 11-test.",
				ex.code()));
	}

	/**
	 * One refusal for all problems found: the first one's code, detail and reason (what a
	 * single problem always answered), and {@code errors} listing each by pointer.
	 */
	private static ExchangeRefused refusal(Submission submission, List<Invalid> errors) {
		Invalid first = errors.get(0);
		Map<String, Object> properties = new LinkedHashMap<>();
		if (first.reason() != null) {
			properties.put("reason", first.reason());
		}
		properties.put("errors", errors.stream().map(Invalid::toMap).toList());
		String detail = (errors.size() == 1) ? first.detail()
				: first.detail() + " The request has " + errors.size() + " problems; see 'errors'.";
		return new ExchangeRefused(first.code(), detail, submission,
				(first.reason() != null) ? first.reason() : first.code().name(), properties);
	}

	/**
	 * The request in an API body, with a null for each member that is missing or of the
	 * wrong type (added to the errors), or the refusal of a body that is no request.
	 */
	private ExchangeRequest read(Submission submission, List<Invalid> errors) {
		JsonNode request;
		try {
			request = this.json.readTree(submission.body());
		}
		catch (JacksonException ex) {
			throw ExchangeRefused.because(ProblemCode.MALFORMED_REQUEST, "The request body could not be read as JSON.",
					submission, null);
		}
		if (request == null || !request.isObject()) {
			throw envelope(submission, "The request body must be a JSON object.");
		}
		String typeCode = text(request, "documentType", errors);
		String purposeCode = text(request, "purpose", errors);
		String recipient = text(request, "recipient", errors);
		JsonNode subject = request.get("subject");
		JsonNode document = request.get("document");
		String vNumber = null;
		String bsn = null;
		if (subject == null || !subject.isObject()) {
			errors.add(new Invalid(ProblemCode.INVALID_ENVELOPE, "/subject",
					"'subject' must be an object with 'vNumber' and/or 'bsn'.", null));
		}
		else {
			vNumber = optionalText(subject, "vNumber", errors);
			bsn = optionalText(subject, "bsn", errors);
		}
		if (document == null || !document.isObject()) {
			errors
				.add(new Invalid(ProblemCode.INVALID_ENVELOPE, "/document", "'document' must be a JSON object.", null));
			document = null;
		}
		return new ExchangeRequest(typeCode, purposeCode, recipient, vNumber, bsn, document);
	}

	Submission authoriseSender(Submission submission) {
		DocumentType type = required(submission.type());
		Purpose purpose = required(submission.purpose());
		PartnerId recipient = required(submission.recipient());
		if (!submission.scopes().contains("exchange:send:" + type.code())) {
			log.debug("Sender lacks the scope to send {}", type);
			throw ExchangeRefused.because(ProblemCode.SENDER_NOT_ALLOWED,
					"Your access token has no scope to send " + type.code() + ".", submission, null);
		}
		if (!this.partners.mayPublish(submission.sender().value(), type, purpose.code())
				|| !this.partners.mayReceive(recipient.value(), type, purpose.code())
				|| !purpose.covers(submission.sender().value(), recipient.value(), type)) {
			log.debug("Sender {} may not send {} for {} to {}", submission.sender(), type, purpose.code(), recipient);
			throw ExchangeRefused.because(ProblemCode.SENDER_NOT_ALLOWED, "You are not registered to send "
					+ type.code() + " for purpose " + purpose.code() + " to " + recipient + ".", submission, null);
		}
		return submission;
	}

	Submission validate(Submission submission) {
		List<Violation> violations = this.schemas.validate(required(submission.type()),
				required(submission.document()));
		if (!violations.isEmpty()) {
			// A body of a thousand unknown members would otherwise be answered with a
			// list many times its own size.
			List<Map<String, String>> listed = violations.stream()
				.limit(MAX_LISTED_VIOLATIONS)
				.map((violation) -> Map.of("pointer", "/document" + violation.pointer(), "keyword", violation.keyword(),
						"message", violation.message()))
				.toList();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("violations", listed);
			if (violations.size() > listed.size()) {
				properties.put("violationsOmitted", violations.size() - listed.size());
			}
			throw ExchangeRefused.because(ProblemCode.SCHEMA_VIOLATION,
					"The document has " + violations.size() + " schema violation(s); see 'violations'.", submission,
					properties);
		}
		return submission;
	}

	/**
	 * Every identifier field the document type declares ({@code x-subject-identifier})
	 * that the document fills must name the envelope's subject: the consent checked is
	 * the envelope's, so a document about anyone else is refused here.
	 */
	Submission matchSubject(Submission submission) {
		DocumentType type = required(submission.type());
		JsonNode document = required(submission.document());
		SubjectIdentifiers envelope = required(submission.identifiers());
		List<Map<String, String>> mismatches = new ArrayList<>();
		for (SubjectIdentifierField field : this.schemas.catalogue().subjectIdentifiers(type)) {
			JsonNode value = document.at(field.pointer());
			if (value.isMissingNode() || value.isNull()) {
				continue;
			}
			Optional<SubjectIdentifier> expected = envelope.get(field.kind());
			if (expected.isEmpty() || !sameIdentifier(field, value, expected.get())) {
				mismatches.add(Map.of("pointer", "/document" + field.pointer(), "identifier", field.kind().code()));
			}
		}
		if (!mismatches.isEmpty()) {
			log.debug("Refused a {} whose subject is not the envelope's: {} field(s)", type, mismatches.size());
			throw new ExchangeRefused(ProblemCode.SUBJECT_MISMATCH,
					"The document names another status holder than 'subject', or an identifier 'subject' lacks;"
							+ " see 'mismatches'.",
					submission, ProblemCode.SUBJECT_MISMATCH.name(), Map.of("mismatches", mismatches));
		}
		return submission;
	}

	private static boolean sameIdentifier(SubjectIdentifierField field, JsonNode value, SubjectIdentifier expected) {
		if (!value.isString()) {
			return false;
		}
		try {
			return SubjectIdentifier.parse(field.kind(), value.asString()).equals(expected);
		}
		catch (IdentifierInvalid ex) {
			return false;
		}
	}

	/**
	 * The subject's pseudonym, looked up without writing anything: a refused submission
	 * never creates a subject or links identifiers (the link is written at persist).
	 */
	Submission pseudonymise(Submission submission) {
		try {
			return submission.pseudonymised(this.subjects.pseudonymOf(required(submission.identifiers())));
		}
		catch (SubjectLinkRefused ex) {
			throw ExchangeRefused.withReason(ProblemCode.INVALID_SUBJECT,
					"The V-number and BSN given belong to different status holders.", submission,
					RefusalReason.IDENTIFIERS_CONFLICT.name());
		}
	}

	Submission checkConsent(Submission submission) {
		ConsentDecision decision = this.consents.check(required(submission.subject()),
				required(submission.purpose()).code(), submission.sender().value(),
				required(submission.recipient()).value(), required(submission.type()));
		if (decision instanceof ConsentDecision.Denied denied) {
			log.debug("Consent check refused the exchange: {}", denied.reason());
			throw ExchangeRefused.withReason(ProblemCode.CONSENT_REFUSED,
					"There is no valid consent of the status holder for this purpose, sender and recipient.",
					submission, denied.reason().name());
		}
		return submission.consented((ConsentDecision.Allowed) decision);
	}

	Submission minimise(Submission submission) {
		ConsentDecision.Allowed consent = required(submission.consent());
		Set<String> allowed = consent.categories();
		ObjectNode minimised = this.schemas.minimise(required(submission.type()), required(submission.document()),
				allowed);
		return submission.minimised(minimised);
	}

	private static ExchangeRefused envelope(Submission submission, String detail) {
		return ExchangeRefused.because(ProblemCode.INVALID_ENVELOPE, detail, submission, null);
	}

	private static @Nullable String text(JsonNode request, String member, List<Invalid> errors) {
		JsonNode value = request.get(member);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			errors.add(new Invalid(ProblemCode.INVALID_ENVELOPE, "/" + member,
					"'" + member + "' is required and must be a string.", null));
			return null;
		}
		return value.asString();
	}

	private static @Nullable String optionalText(JsonNode object, String member, List<Invalid> errors) {
		JsonNode value = object.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.add(new Invalid(ProblemCode.INVALID_ENVELOPE, "/subject/" + member,
					"'subject." + member + "' must be a string.", null));
			// Present but unusable: neither 'subject' must carry one.
			return null;
		}
		return value.asString();
	}

	/**
	 * One problem of an envelope: its code, the JSON pointer of the member, a detail that
	 * never quotes the value, and the bounded reason where there is one.
	 */
	private record Invalid(ProblemCode code, String pointer, String detail, @Nullable String reason) {

		Map<String, String> toMap() {
			Map<String, String> map = new LinkedHashMap<>();
			map.put("code", this.code.name());
			map.put("pointer", this.pointer);
			map.put("detail", this.detail);
			if (this.reason != null) {
				map.put("reason", this.reason);
			}
			return map;
		}

	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Accept steps ran out of order");
		}
		return value;
	}

}
