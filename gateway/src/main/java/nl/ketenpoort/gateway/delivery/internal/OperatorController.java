package nl.ketenpoort.gateway.delivery.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.ketenpoort.gateway.delivery.DeadLetters;

/**
 * The operator's view of delivery: dead letters with replay, and partner health.
 */
@RestController
@RequestMapping(path = "/api/v1/operator", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operator", description = "Dead letters and partner health")
class OperatorController {

	private final DeadLetters deadLetters;

	private final PartnerHealth health;

	OperatorController(DeadLetters deadLetters, PartnerHealth health) {
		this.deadLetters = deadLetters;
		this.health = health;
	}

	@GetMapping("/dead-letters")
	@Operation(summary = "Exchanges delivery gave up on")
	List<Map<String, Object>> deadLetters() {
		operator();
		return this.deadLetters.list().stream().map(OperatorController::view).toList();
	}

	@PostMapping("/dead-letters/{id}/replay")
	@Operation(summary = "Queue a dead letter again (consent is checked again at delivery)")
	Map<String, Object> replay(@PathVariable UUID id) {
		if (!this.deadLetters.replay(id, operator())) {
			throw new NotADeadLetter();
		}
		return Map.of("id", id, "status", "accepted");
	}

	@GetMapping("/partners")
	@Operation(summary = "Per partner: queued, dead letters, last success, last failure")
	List<PartnerHealth.Row> partners() {
		operator();
		return this.health.rows();
	}

	private static Map<String, Object> view(Exchange exchange) {
		return Map.of("id", exchange.id(), "status", exchange.status().code(), "recipient",
				exchange.recipient().value(), "documentType", exchange.documentType().code(), "attempts",
				exchange.attempts(), "lastError", String.valueOf(exchange.lastError()), "partnerStatus",
				String.valueOf(exchange.partnerStatus()), "statusChangedAt", exchange.statusChangedAt().toString());
	}

	private static Actor operator() {
		Actor actor = Actors.current();
		if (!actor.hasRole(Role.OPERATOR)) {
			throw new NotAnOperator();
		}
		return actor;
	}

	/** Only operators manage delivery. */
	static class NotAnOperator extends ProblemException {

		NotAnOperator() {
			super(ProblemCode.FORBIDDEN, "Only operators may do this.");
		}

	}

	/** The exchange is not a dead letter (any more), or its payload is gone. */
	static class NotADeadLetter extends ProblemException {

		NotADeadLetter() {
			super(ProblemCode.CONFLICT, "This exchange is not a dead letter that can be replayed.");
		}

	}

}
