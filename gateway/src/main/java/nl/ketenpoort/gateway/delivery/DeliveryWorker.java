package nl.ketenpoort.gateway.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.Delivery;
import nl.ketenpoort.adapters.DeliveryOutcome;
import nl.ketenpoort.adapters.PartnerAdapter;
import nl.ketenpoort.adapters.PartnerAdapters;
import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrace;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.exchange.ExchangeRecord;
import nl.ketenpoort.gateway.exchange.ExchangeStatus;
import nl.ketenpoort.gateway.exchange.ExchangeStore;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.TraceContext;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one claimed exchange: the consent it was accepted under is checked again (its
 * revocation stops what is still queued, whatever other consent exists), the recipient's
 * adapter sends it with the exchange id as idempotency key, and the outcome is stored
 * together with its audit event.
 */
@Component
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Outbox outbox;

	private final ExchangeStore exchanges;

	private final ConsentChecks consents;

	private final Partners partners;

	private final PartnerAdapters adapters;

	private final AdapterSettings adapterSettings;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final DeliverySettings settings;

	DeliveryWorker(Outbox outbox, ExchangeStore exchanges, ConsentChecks consents, Partners partners,
			PartnerAdapters adapters, AdapterSettings adapterSettings, AuditTrail audit,
			TransactionTemplate transactions, JsonMapper json, Clock clock, DeliverySettings settings) {
		this.outbox = outbox;
		this.exchanges = exchanges;
		this.consents = consents;
		this.partners = partners;
		this.adapters = adapters;
		this.adapterSettings = adapterSettings;
		this.audit = audit;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Claims what is due for the push recipients and delivers it; returns how many it
	 * handled.
	 */
	public int runOnce() {
		List<UUID> claimed = claimDue();
		claimed.forEach(this::deliver);
		return claimed.size();
	}

	List<UUID> claimDue() {
		List<String> pushRecipients = this.partners.all()
			.stream()
			.filter(Partner::active)
			.filter((partner) -> !partner.delivery().isPull())
			.map(Partner::id)
			.toList();
		return this.outbox.claim(pushRecipients);
	}

	/**
	 * Delivers one claimed exchange; never throws, so one failure never stops the others.
	 */
	public void deliver(UUID id) {
		try {
			ExchangeRecord exchange = this.exchanges.find(id).orElseThrow();
			DocumentType type = DocumentType.fromCode(exchange.documentType()).orElseThrow();
			// The very consent the exchange was accepted under, not any covering one: the
			// statement sent and the consent the audit names are the same.
			ConsentDecision decision = this.consents.recheck(exchange.consentId(),
					new SubjectRef(exchange.subjectRef()), exchange.purpose(), exchange.sender(), exchange.recipient(),
					type);
			if (decision instanceof ConsentDecision.Denied denied) {
				log.debug("Delivery refused at re-check: {}", denied.reason());
				conclude(exchange, ExchangeStatus.REFUSED, AuditEventType.REFUSED, AuditOutcome.REFUSED,
						denied.reason().name(), null, null);
				return;
			}
			ConsentDecision.Allowed consent = (ConsentDecision.Allowed) decision;
			Optional<String> payload = this.exchanges.payload(id);
			Optional<PartnerAdapter> adapter = adapterFor(exchange.recipient());
			Optional<URI> target = targetFor(exchange.recipient());
			if (payload.isEmpty() || adapter.isEmpty() || target.isEmpty()) {
				conclude(exchange, ExchangeStatus.DEAD_LETTERED, AuditEventType.DEAD_LETTERED, AuditOutcome.FAILED,
						payload.isEmpty() ? "PAYLOAD_GONE" : "NO_ADAPTER", null, null);
				return;
			}
			JsonNode document = this.json.readTree(payload.get());
			String traceparent = "00-" + exchange.traceId() + "-" + TraceContext.randomOperationId() + "-01";
			DeliveryOutcome outcome = adapter.get()
				.deliver(new Delivery(id.toString(), id.toString(), type, document, consent.statement(), traceparent,
						target.get()));
			record(exchange, outcome);
		}
		catch (RuntimeException ex) {
			// The lease runs out and another attempt follows; the exchange is never lost.
			log.warn("Delivery attempt failed unexpectedly; it will be retried after the lease", ex);
		}
	}

	private void record(ExchangeRecord exchange, DeliveryOutcome outcome) {
		if (outcome instanceof DeliveryOutcome.Delivered delivered) {
			conclude(exchange, ExchangeStatus.DELIVERED, AuditEventType.DELIVERED, AuditOutcome.SUCCESS, null,
					delivered.partnerStatus(), delivered.partnerTrace());
		}
		else if (outcome instanceof DeliveryOutcome.PermanentFailure failure) {
			log.debug("Delivery failed permanently: {} ({})", failure.kind(), failure.partnerStatus());
			conclude(exchange, ExchangeStatus.FAILED, AuditEventType.FAILED, AuditOutcome.FAILED, failure.kind().name(),
					failure.partnerStatus(), null);
		}
		else if (outcome instanceof DeliveryOutcome.RetryableFailure failure) {
			Instant now = this.clock.instant();
			boolean exhausted = exchange.attempts() >= this.settings.maxAttempts()
					|| exchange.acceptedAt().plus(this.settings.giveUpAfter()).isBefore(now);
			if (exhausted) {
				conclude(exchange, ExchangeStatus.DEAD_LETTERED, AuditEventType.DEAD_LETTERED, AuditOutcome.FAILED,
						failure.kind().name(), failure.partnerStatus(), null);
				return;
			}
			Instant next = now.plus(backoff(exchange.attempts(), failure.retryAfter()));
			this.transactions.executeWithoutResult((status) -> {
				if (this.outbox.retryLater(exchange.id(), next, failure.kind().name(), failure.partnerStatus())) {
					this.audit.append(event(exchange, AuditEventType.FAILED, AuditOutcome.FAILED, failure.kind().name(),
							failure.partnerStatus(), null, AuditActor.SYSTEM));
				}
			});
		}
	}

	/** Exponential backoff with jitter, never shorter than the partner's Retry-After. */
	Duration backoff(int attempts, @Nullable Duration retryAfter) {
		long initial = this.settings.initialBackoff().toMillis();
		long exponential = initial << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(exponential, this.settings.maxBackoff().toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		Duration wait = Duration.ofMillis(jittered);
		return (retryAfter != null && retryAfter.compareTo(wait) > 0) ? retryAfter : wait;
	}

	private void conclude(ExchangeRecord exchange, ExchangeStatus status, AuditEventType type, AuditOutcome outcome,
			@Nullable String reason, @Nullable Integer partnerStatus, @Nullable String partnerTrace) {
		conclude(exchange, status, type, outcome, reason, partnerStatus, partnerTrace, AuditActor.SYSTEM);
	}

	/**
	 * Stores the final state of a delivering exchange and its audit event in one
	 * transaction; nothing is recorded when another node concluded it first.
	 */
	void conclude(ExchangeRecord exchange, ExchangeStatus status, AuditEventType type, AuditOutcome outcome,
			@Nullable String reason, @Nullable Integer partnerStatus, @Nullable String partnerTrace, AuditActor actor) {
		this.transactions.executeWithoutResult((tx) -> {
			if (this.outbox.finish(exchange.id(), status, reason, partnerStatus)) {
				this.audit.append(event(exchange, type, outcome, reason, partnerStatus, partnerTrace, actor));
			}
		});
	}

	private AuditEvent event(ExchangeRecord exchange, AuditEventType type, AuditOutcome outcome,
			@Nullable String reason, @Nullable Integer partnerStatus, @Nullable String partnerTrace, AuditActor actor) {
		String foreignOperation = null;
		if (partnerTrace != null) {
			String[] parts = partnerTrace.split("-");
			foreignOperation = (parts.length == 4) ? parts[2] : null;
		}
		return AuditEvent.of(type, outcome, actor)
			.reason(reason)
			.purpose(exchange.purpose(), exchange.legalBasis())
			.consent(exchange.consentId())
			.subject(exchange.subjectRef())
			.route(exchange.sender(), exchange.recipient())
			.document(exchange.documentType(), exchange.id())
			.payload((type == AuditEventType.DELIVERED) ? exchange.fieldNames() : List.of(),
					(type == AuditEventType.DELIVERED) ? exchange.payloadSha256() : null)
			.partnerStatus(partnerStatus)
			.startedAt(exchange.acceptedAt())
			.trace(new AuditTrace(exchange.traceId(), null, (foreignOperation != null) ? exchange.traceId() : null,
					foreignOperation))
			.build();
	}

	private Optional<PartnerAdapter> adapterFor(String partnerId) {
		return this.adapters.all().stream().filter((adapter) -> adapter.partner().equals(partnerId)).findFirst();
	}

	private Optional<URI> targetFor(String partnerId) {
		URI configured = this.adapterSettings.targets().get(partnerId);
		if (configured != null) {
			return Optional.of(configured);
		}
		return this.partners.find(partnerId).flatMap((partner) -> partner.delivery().pushEndpoint());
	}

}
