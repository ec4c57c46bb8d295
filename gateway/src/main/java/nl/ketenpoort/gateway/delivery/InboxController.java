package nl.ketenpoort.gateway.delivery;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.exchange.ExchangeRecord;
import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import nl.ketenpoort.gateway.exchange.ExchangeStore;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

	private final JdbcClient jdbc;

	private final ExchangeStore exchanges;

	private final Partners partners;

	private final ConsentChecks consents;

	private final DeliveryWorker delivery;

	private final JsonMapper json;

	private final AuditTrail audit;

	InboxController(JdbcClient jdbc, ExchangeStore exchanges, Partners partners, ConsentChecks consents,
			DeliveryWorker delivery, JsonMapper json, AuditTrail audit) {
		this.jdbc = jdbc;
		this.exchanges = exchanges;
		this.partners = partners;
		this.consents = consents;
		this.delivery = delivery;
		this.json = json;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Documents addressed to you that wait for collection, oldest first")
	Map<String, Object> inbox() {
		Actor recipient = pullRecipient();
		List<UUID> waiting = this.jdbc
			.sql("SELECT id FROM exchange WHERE recipient = ? AND status IN ('accepted', 'delivering')"
					+ " ORDER BY accepted_at LIMIT 100")
			.param(recipient.id())
			.query(UUID.class)
			.list();
		List<Map<String, Object>> documents = new ArrayList<>();
		for (UUID id : waiting) {
			ExchangeRecord exchange = this.exchanges.find(id).orElseThrow();
			DocumentType type = DocumentType.fromCode(exchange.documentType()).orElseThrow();
			if (!recipient.mayReceive(type)) {
				continue;
			}
			ConsentDecision decision = this.consents.check(new SubjectRef(exchange.subjectRef()), exchange.purpose(),
					exchange.sender(), exchange.recipient(), type);
			if (decision instanceof ConsentDecision.Denied denied) {
				markClaimed(id);
				conclude(exchange, ExchangeStatus.REFUSED, AuditEventType.REFUSED, AuditOutcome.REFUSED,
						denied.reason().name());
				continue;
			}
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", id);
			item.put("documentType", exchange.documentType());
			item.put("purpose", exchange.purpose());
			item.put("sender", exchange.sender());
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
		ExchangeRecord exchange = this.exchanges.find(id).orElseThrow(InboxItemNotFound::new);
		if (!exchange.recipient().equals(recipient.id())) {
			// Another partner's document: answered as not found, recorded as refused.
			throw denied(recipient, exchange, "NOT_RECIPIENT", new InboxItemNotFound());
		}
		DocumentType type = DocumentType.fromCode(exchange.documentType()).orElseThrow();
		if (!recipient.mayReceive(type)) {
			throw denied(recipient, exchange, "SCOPE_MISSING", new ReceiveNotAllowed(type));
		}
		if (!WAITING.contains(exchange.status())) {
			log.debug("Refused an acknowledgement: the document is {}, not waiting", exchange.status());
			throw new NotWaiting(exchange.status());
		}
		markClaimed(id);
		conclude(exchange, ExchangeStatus.DELIVERED, AuditEventType.DELIVERED, AuditOutcome.SUCCESS, null);
		// Collection may have refused it in the meantime: answer what is stored.
		ExchangeStatus status = this.exchanges.find(id).map(ExchangeRecord::status).orElseThrow();
		if (status != ExchangeStatus.DELIVERED) {
			throw new NotWaiting(status);
		}
		return Map.of("id", id, "status", status.code());
	}

	private ProblemException denied(Actor recipient, ExchangeRecord exchange, String reason, ProblemException answer) {
		log.debug("Refused an acknowledgement: {}", reason);
		this.audit.appendIndependently(
				AuditEvent.of(AuditEventType.ACCESS_DENIED, AuditOutcome.REFUSED, AuditActor.of(recipient))
					.reason(reason)
					.document(exchange.documentType(), exchange.id())
					.build());
		return answer;
	}

	private void markClaimed(UUID id) {
		this.jdbc.sql("UPDATE exchange SET status = 'delivering' WHERE id = ? AND status = 'accepted'")
			.param(id)
			.update();
	}

	private void conclude(ExchangeRecord exchange, ExchangeStatus status, AuditEventType type, AuditOutcome outcome,
			@Nullable String reason) {
		this.delivery.conclude(exchange, status, type, outcome, reason, null, null,
				AuditActor.partner(exchange.recipient(), null));
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
			return Map.of("reason", "SCOPE_MISSING");
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
