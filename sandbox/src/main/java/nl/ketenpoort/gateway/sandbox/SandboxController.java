package nl.ketenpoort.gateway.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox partners' HTTP side: the endpoint the gateway delivers to, what each
 * partner received, and the switch that makes it fail.
 */
@RestController
@ConditionalOnBooleanProperty("ketenpoort.sandbox.enabled")
@RequestMapping(path = "/sandbox/partners", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sandbox partners", description = "Demo only: simulated partner systems that receive deliveries")
class SandboxController {

	private static final Logger log = LoggerFactory.getLogger(SandboxController.class);

	/** Where each partner's own JSON reply puts its receipt id (see the adapters). */
	private static final Map<String, String> RECEIPT_PROPERTIES = Map.of("raak", "berichtId", "vvs", "dossierId",
			"opstartklas", "ontvangstId", "taalschool-a", "ontvangstId", "taalschool-b", "ontvangstId");

	private final SandboxSettings settings;

	private final PartnerModes modes;

	private final ReceivedDocuments received;

	private final ConsentStatementVerifier statements;

	private final NativeDocuments documents;

	private final FileDropInbox fileDrop;

	private final HandoverNoticeResponder handover;

	private final List<String> partners;

	SandboxController(Partners registry, SandboxSettings settings, PartnerModes modes, ReceivedDocuments received,
			ConsentStatementVerifier statements, NativeDocuments documents, FileDropInbox fileDrop,
			HandoverNoticeResponder handover) {
		this.settings = settings;
		this.modes = modes;
		this.received = received;
		this.statements = statements;
		this.documents = documents;
		this.fileDrop = fileDrop;
		this.handover = handover;
		this.partners = settings.partnersOr(registry.all().stream().map(Partner::id).toList());
	}

	@GetMapping
	@Operation(summary = "The sandbox partners, their mode and how much they received")
	List<Map<String, Object>> partners() {
		List<Map<String, Object>> partners = new ArrayList<>();
		for (String id : this.partners) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", id);
			view.put("mode", this.modes.of(id).mode().code());
			view.put("received", receivedBy(id).size());
			view.put("links", Map.of("received", "/sandbox/partners/" + id + "/received", "mode",
					"/sandbox/partners/" + id + "/mode"));
			partners.add(view);
		}
		return partners;
	}

	@PostMapping(path = "/{id}", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "Receive a document as the partner system would",
			description = "Needs Idempotency-Key and a valid Ketenpoort-Consent statement naming this partner;"
					+ " a repeated key is counted, not stored again.")
	ResponseEntity<Map<String, Object>> receive(@PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@RequestHeader(name = "Ketenpoort-Consent", required = false) @Nullable String consent,
			@RequestHeader(name = "traceparent", required = false) @Nullable String traceparent,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			@RequestBody(required = false) @Nullable String body) {
		known(id);
		PartnerModes.Current mode = this.modes.of(id);
		if (mode.mode() == SandboxMode.DOWN) {
			log.debug("Sandbox partner {} is down and answers nothing useful", id);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.CONNECTION, "close")
				.build();
		}
		if (mode.mode() == SandboxMode.ERROR_503) {
			throw new SandboxPartnerUnavailable();
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw new SandboxRequestInvalid(ProblemCode.IDEMPOTENCY_KEY_MISSING,
					"The partner needs an Idempotency-Key header to take a document once.");
		}
		ConsentStatementVerifier.VerifiedStatement statement = this.statements.verify(consent, id);
		String text = (body != null) ? body : "";
		Optional<JsonNode> json = this.documents.parse(text);
		String documentType = this.documents.documentType(json.orElse(null), statement.onlyDocumentType());
		ReceivedDocuments.Stored stored = this.received.store(id, idempotencyKey, documentType, contentType, text,
				statement.consentId(), traceparent);
		if (stored.first()) {
			log.info("Sandbox partner {} received a {}", id, (documentType != null) ? documentType : "document");
			answerHandover(id, documentType, idempotencyKey, json);
		}
		else {
			log.info("Sandbox partner {} received a repeat and kept the first", id);
		}
		if (mode.mode() == SandboxMode.SLOW) {
			pause(mode.delay());
		}
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put(RECEIPT_PROPERTIES.getOrDefault(id, "id"), stored.document().id());
		reply.put("duplicate", !stored.first());
		return ResponseEntity.ok(reply);
	}

	@GetMapping("/{id}/received")
	@Operation(summary = "What the partner received, oldest first")
	List<Map<String, Object>> received(@PathVariable String id) {
		known(id);
		return receivedBy(id).stream().map(this::view).toList();
	}

	@GetMapping("/{id}/mode")
	@Operation(summary = "How the partner answers now")
	Map<String, Object> mode(@PathVariable String id) {
		known(id);
		return view(id, this.modes.of(id));
	}

	@PostMapping(path = "/{id}/mode", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "Make the partner answer ok, error-503, slow or down",
			description = "The mode as parameter (?mode=down), as plain text, or as JSON {\"mode\":\"slow\",\"delay\":\"PT2S\"}.")
	Map<String, Object> changeMode(@PathVariable String id, @RequestParam(required = false) @Nullable String mode,
			@RequestParam(required = false) @Nullable String delay,
			@RequestBody(required = false) @Nullable String body) {
		known(id);
		String wanted = mode;
		String wantedDelay = delay;
		if (wanted == null && body != null && !body.isBlank()) {
			Optional<JsonNode> json = this.documents.parse(body);
			if (json.isPresent()) {
				wanted = json.get().path("mode").asString(null);
				wantedDelay = json.get().path("delay").asString(wantedDelay);
			}
			else {
				wanted = plain(body);
			}
		}
		SandboxMode chosen = (wanted != null) ? SandboxMode.fromCode(wanted).orElse(null) : null;
		if (chosen == null) {
			throw new SandboxRequestInvalid(ProblemCode.INVALID_PARAMETER, "Name a mode: ok, error-503, slow or down.");
		}
		PartnerModes.Current current = this.modes.set(id, chosen, duration(wantedDelay));
		if (id.equals(this.fileDrop.partner())) {
			this.fileDrop.apply(chosen);
		}
		log.info("Sandbox partner {} now answers in mode {}", id, chosen.code());
		return view(id, current);
	}

	/**
	 * The mode from a plain body: {@code down}, or a form as {@code curl -d down} sends
	 * it ({@code down=}, or {@code mode=down}).
	 */
	private static String plain(String body) {
		String text = body.trim().replace("\"", "");
		int equals = text.indexOf('=');
		if (equals < 0) {
			return text;
		}
		return text.startsWith("mode=") ? text.substring("mode=".length()) : text.substring(0, equals);
	}

	private List<ReceivedDocuments.Received> receivedBy(String id) {
		List<ReceivedDocuments.Received> all = new ArrayList<>(this.received.of(id));
		if (id.equals(this.fileDrop.partner())) {
			all.addAll(this.fileDrop.received());
		}
		return all;
	}

	private void answerHandover(String id, @Nullable String documentType, String exchangeId, Optional<JsonNode> json) {
		if (HandoverNoticeResponder.RAAK.equals(id) && "client-profile".equals(documentType)
				&& this.settings.handoverNotice().enabled() && json.isPresent()) {
			this.documents.clientProfileVNumber(json.get())
				.ifPresent((vNumber) -> this.handover.answer(exchangeId, vNumber));
		}
	}

	private Map<String, Object> view(ReceivedDocuments.Received document) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", document.id());
		view.put("receivedAt", document.receivedAt().toString());
		view.put("idempotencyKey", document.idempotencyKey());
		view.put("documentType", document.documentType());
		Optional<JsonNode> json = this.documents.parse(document.body());
		view.put("body", json.isPresent() ? json.get() : document.body());
		view.put("consentId", document.consentId());
		view.put("traceparent", document.traceparent());
		view.put("duplicates", document.duplicates());
		return view;
	}

	private static Map<String, Object> view(String id, PartnerModes.Current current) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("partner", id);
		view.put("mode", current.mode().code());
		if (current.mode() == SandboxMode.SLOW) {
			view.put("delay", current.delay().toString());
		}
		if (current.changedAt() != null) {
			view.put("changedAt", current.changedAt().toString());
		}
		return view;
	}

	private void known(String id) {
		if (!this.partners.contains(id)) {
			throw new SandboxPartnerUnknown();
		}
	}

	private static @Nullable Duration duration(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.matches("[0-9]+") ? Duration.ofMillis(Long.parseLong(value)) : Duration.parse(value);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new SandboxRequestInvalid(ProblemCode.INVALID_PARAMETER,
					"Give the delay in milliseconds or as an ISO-8601 duration such as PT2S.");
		}
	}

	// A slow partner: it has taken the document, but its answer comes late.
	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
