package nl.ketenpoort.gateway.delivery.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeAccessDenied;
import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import nl.ketenpoort.schemas.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * Pull delivery: a recipient without an endpoint collects the documents addressed to it
 * and acknowledges each; the acknowledgement completes the delivery. Consent is checked
 * again at collection, so a revoked consent stops the document here too.
 */
@RestController
@RequestMapping(path = "/api/v1/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbox", description = "Collect and acknowledge documents addressed to you (pull delivery)")
class InboxController {

	private static final Logger log = LoggerFactory.getLogger(InboxController.class);

	/**
	 * What an inbox holds: accepted, or claimed by a collection that has not concluded.
	 */
	private static final Set<ExchangeStatus> WAITING = EnumSet.of(ExchangeStatus.ACCEPTED, ExchangeStatus.DELIVERING);

	private final Exchanges exchanges;

	private final Partners partners;

	private final ConsentChecks consents;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	InboxController(Exchanges exchanges, Partners partners, ConsentChecks consents, JsonMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.exchanges = exchanges;
		this.partners = partners;
		this.consents = consents;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "Documents addressed to you that wait for collection, oldest first")
	Map<String, Object> inbox() {
		Actor recipient = pullRecipient();
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Exchange exchange : this.exchanges.waitingFor(PartnerId.of(recipient.id()))) {
			if (!recipient.mayReceive(exchange.documentType())) {
				continue;
			}
			ConsentDecision decision = this.consents.check(exchange.subject(), exchange.purpose().value(),
					exchange.sender().value(), exchange.recipient().value(), exchange.documentType());
			if (decision instanceof ConsentDecision.Denied denied) {
				collect(exchange).ifPresent((collected) -> this.exchanges
					.apply(collected.withhold(this.clock.instant(), denied.reason().name(), true)));
				continue;
			}
			Map<String, Object> item = new LinkedHashMap<>();
			UUID id = exchange.id();
			item.put("id", id);
			item.put("documentType", exchange.documentType().code());
			item.put("purpose", exchange.purpose().value());
			item.put("sender", exchange.sender().value());
			item.put("acceptedAt", exchange.acceptedAt().toString());
			item.put("consentStatement", ((ConsentDecision.Allowed) decision).statement());
			item.put("document", this.json.readTree(this.exchanges.payload(id).orElseThrow()));
			item.put("links", Map.of("acknowledge", "/api/v1/inbox/" + id + "/ack"));
			documents.add(item);
		}
		return Map.of("documents", documents);
	}

	@PostMapping("/{id}/ack")
	@Operation(summary = "Acknowledge receipt of a document waiting in your inbox: completes the delivery")
	Map<String, Object> acknowledge(@PathVariable UUID id) {
		Actor recipient = pullRecipient();
		Exchange exchange = this.exchanges.find(id).orElseThrow(InboxItemNotFound::new);
		if (!exchange.recipient().value().equals(recipient.id())) {
			// Another partner's document: answered as not found, recorded as refused.
			throw denied(recipient, exchange, RefusalReason.NOT_RECIPIENT.name(), new InboxItemNotFound());
		}
		DocumentType type = exchange.documentType();
		if (!recipient.mayReceive(type)) {
			throw denied(recipient, exchange, RefusalReason.SCOPE_MISSING.name(), new ReceiveNotAllowed(type));
		}
		if (!WAITING.contains(exchange.status())) {
			log.debug("Refused an acknowledgement: the document is {}, not waiting", exchange.status());
			throw new NotWaiting(exchange.status());
		}
		collect(exchange)
			.ifPresent((collected) -> this.exchanges.apply(collected.deliver(this.clock.instant(), null, null, true)));
		// Collection may have refused it in the meantime: answer what is stored.
		ExchangeStatus status = this.exchanges.find(id).map(Exchange::status).orElseThrow();
		if (status != ExchangeStatus.DELIVERED) {
			throw new NotWaiting(status);
		}
		return Map.of("id", id, "status", status.code());
	}

	private ProblemException denied(Actor recipient, Exchange exchange, String reason, ProblemException answer) {
		log.debug("Refused an acknowledgement: {}", reason);
		this.events.publishEvent(new ExchangeAccessDenied(recipient, reason, exchange));
		return answer;
	}

	/**
	 * The exchange as taken from the inbox: claimed now if it was only accepted, or as
	 * stored if an earlier collection claimed it; empty when it no longer waits.
	 */
	private Optional<Exchange> collect(Exchange exchange) {
		if (exchange.status() == ExchangeStatus.ACCEPTED) {
			this.exchanges.apply(exchange.collect());
			return this.exchanges.find(exchange.id()).filter((found) -> found.status() == ExchangeStatus.DELIVERING);
		}
		return Optional.of(exchange).filter((found) -> found.status() == ExchangeStatus.DELIVERING);
	}

	private Actor pullRecipient() {
		Actor actor = Actors.current();
		boolean pull = actor.isPartner()
				&& this.partners.find(actor.id()).map((partner) -> partner.delivery().isPull()).orElse(false);
		if (!pull) {
			throw new InboxNotAvailable();
		}
		return actor;
	}

	/** Only partners registered for pull delivery have an inbox. */
	static class InboxNotAvailable extends ProblemException {

		InboxNotAvailable() {
			super(ProblemCode.FORBIDDEN, "Your documents are pushed to your endpoint; there is no inbox to collect.");
		}

	}

	/** The token lacks the scope to receive this document type. */
	static class ReceiveNotAllowed extends ProblemException {

		ReceiveNotAllowed(DocumentType type) {
			super(ProblemCode.RECIPIENT_NOT_ALLOWED, "Your access token has no scope to receive " + type.code() + ".");
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("reason", RefusalReason.SCOPE_MISSING.name());
		}

	}

	/** The document is not waiting in the inbox: refused, failed or delivered already. */
	static class NotWaiting extends ProblemException {

		private final ExchangeStatus status;

		NotWaiting(ExchangeStatus status) {
			super(ProblemCode.CONFLICT, "This document is not waiting in your inbox; see 'status'.");
			this.status = status;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("status", this.status.code());
		}

	}

	/** No document for you with this id. */
	static class InboxItemNotFound extends ProblemException {

		InboxItemNotFound() {
			super(ProblemCode.NOT_FOUND, "No document addressed to you with this id.");
		}

	}

}
