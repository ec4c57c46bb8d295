package nl.ketenpoort.gateway.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.problem.PayloadTooLarge;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import nl.ketenpoort.gateway.system.TraceContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeAccessDenied;
import nl.ketenpoort.gateway.exchange.ExchangeTrace;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * The partner API for submitting documents and following them.
 */
@RestController
@RequestMapping("/api/v1/exchanges")
@Tag(name = "Exchanges", description = "Submit a document for a purpose and a recipient, and follow it")
class ExchangeController {

	private final ExchangeIntake intake;

	private final Exchanges exchanges;

	private final DataSize maxRequestSize;

	private final ApplicationEventPublisher events;

	ExchangeController(ExchangeIntake intake, Exchanges exchanges, KetenpoortSettings settings,
			ApplicationEventPublisher events) {
		this.intake = intake;
		this.exchanges = exchanges;
		this.events = events;
		this.maxRequestSize = settings.maxRequestSize();
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardType();
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Whether the caller takes the JSON answer: no {@code Accept}, or one naming JSON (or
	 * a range that covers it) with a quality above zero.
	 */
	private static boolean acceptsJson(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> type.includes(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0);
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	// Media type, size and the Accept header are checked here rather than by Spring MVC
	// (produces) and the servlet filter, so that those refusals are audited like every
	// other.
	@PostMapping
	@Operation(summary = "Submit a document",
			description = "Accepted only when the sender may send it, it matches its schema and the status holder"
					+ " consented to this purpose, sender and recipient. Only the fields the purpose allows are kept.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "One variant per document type, chosen by documentType; document is that type's canonical"
					+ " schema",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(ref = "#/components/schemas/ExchangeSubmission")))
	@ApiResponse(responseCode = "202",
			description = "Accepted for delivery; the exchange's status resource is in" + " Location",
			headers = @Header(name = HttpHeaders.LOCATION, description = "The exchange's status resource",
					schema = @Schema(type = "string")),
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
	ResponseEntity<Map<String, Object>> submit(@Parameter(
			description = "Unique per submission; a repeat with the same body returns the first result") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			HttpServletRequest request) throws IOException {
		Actor actor = Actors.current();
		TraceContext trace = (TraceContext) request.getAttribute(TraceContext.class.getName());
		// The caller's own operation, when it sent a traceparent, is the Logboek foreign
		// operation.
		ExchangeTrace exchangeTrace = new ExchangeTrace(trace.traceId(), trace.spanId(),
				trace.parentSpanId().isPresent() ? trace.traceId() : null, trace.parentSpanId().orElse(null));
		byte[] body = request.getInputStream().readNBytes((int) this.maxRequestSize.toBytes() + 1);
		boolean keyValid = idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= 200;
		Submission submission = Submission.received(PartnerId.of(actor.id()), actor.scopes(),
				keyValid ? idempotencyKey : "", body, exchangeTrace);
		if (!keyValid) {
			throw this.intake.refuse(submission, ProblemCode.IDEMPOTENCY_KEY_MISSING,
					"Send a unique Idempotency-Key header (at most 200 characters) with every submission.");
		}
		if (body.length > this.maxRequestSize.toBytes()) {
			throw this.intake.refuse(submission, ProblemCode.PAYLOAD_TOO_LARGE,
					new PayloadTooLarge(this.maxRequestSize).getMessage());
		}
		if (!isJson(request.getContentType())) {
			throw this.intake.refuse(submission, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
					"Submit the exchange as application/json.");
		}
		if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
			throw this.intake.refuse(submission, ProblemCode.NOT_ACCEPTABLE,
					"The answer to a submission is application/json: accept it.");
		}
		ExchangeIntake.Accepted accepted = this.intake.submit(submission);
		URI location = URI.create("/api/v1/exchanges/" + accepted.exchange().id());
		return ResponseEntity.accepted()
			.location(location)
			.contentType(MediaType.APPLICATION_JSON)
			.body(view(accepted.exchange()));
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Status of an exchange you submitted")
	Map<String, Object> status(@PathVariable UUID id) {
		Actor actor = Actors.current();
		Exchange exchange = this.exchanges.find(id).orElseThrow(ExchangeNotFound::new);
		if (!exchange.sender().value().equals(actor.id())) {
			// Another partner's exchange: answered as not found, recorded as a refused
			// read.
			this.events.publishEvent(new ExchangeAccessDenied(actor, RefusalReason.NOT_SENDER.name(), exchange));
			throw new ExchangeNotFound();
		}
		return view(exchange);
	}

	private static Map<String, Object> view(Exchange exchange) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", exchange.id());
		view.put("status", exchange.status().code());
		view.put("documentType", exchange.documentType().code());
		view.put("purpose", exchange.purpose().value());
		view.put("recipient", exchange.recipient().value());
		view.put("consentId", exchange.consentId());
		view.put("fields", exchange.fieldNames());
		view.put("payloadSha256", exchange.payloadSha256());
		view.put("acceptedAt", exchange.acceptedAt());
		view.put("statusChangedAt", exchange.statusChangedAt());
		putIfPresent(view, "deliveredAt", exchange.deliveredAt());
		view.put("attempts", exchange.attempts());
		putIfPresent(view, "lastError", exchange.lastError());
		view.put("traceId", exchange.traceId());
		view.put("links", Map.of("self", "/api/v1/exchanges/" + exchange.id()));
		return view;
	}

	private static void putIfPresent(Map<String, Object> view, String key, @Nullable Object value) {
		if (value != null) {
			view.put(key, (value instanceof Instant instant) ? instant.toString() : value);
		}
	}

	/**
	 * No exchange of yours with this id; another sender's exchange is not revealed
	 * either.
	 */
	static class ExchangeNotFound extends ProblemException {

		ExchangeNotFound() {
			super(ProblemCode.NOT_FOUND, "You submitted no exchange with this id.");
		}

	}

}
