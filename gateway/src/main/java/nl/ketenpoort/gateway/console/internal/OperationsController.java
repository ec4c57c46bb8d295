package nl.ketenpoort.gateway.console.internal;

import java.util.List;
import java.util.UUID;

import nl.ketenpoort.gateway.delivery.DeadLetters;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.identity.PartnerCertificates;
import nl.ketenpoort.gateway.portal.PageTexts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page: exchanges that delivery gave up on, and per partner what waits,
 * how many were given up on and when delivery last succeeded. Replay belongs to the
 * delivery feature and is offered here once it publishes its dead-letter service.
 */
@Controller
@RequestMapping("/console/operations")
class OperationsController {

	private final DeliveryState state;

	private final PageTexts texts;

	private final DeadLetters deadLetters;

	private final PartnerCertificates certificates;

	OperationsController(DeliveryState state, PageTexts texts, DeadLetters deadLetters,
			PartnerCertificates certificates) {
		this.state = state;
		this.texts = texts;
		this.deadLetters = deadLetters;
		this.certificates = certificates;
	}

	/** Queues a dead letter again; consent is checked again when it is delivered. */
	@PostMapping("/dead-letters/{id}/replay")
	String replay(@PathVariable UUID id, RedirectAttributes redirect) {
		Actor operator = Actors.current();
		Section.OPERATIONS.require(operator);
		boolean replayed = this.deadLetters.replay(id, operator);
		redirect.addFlashAttribute(replayed ? "notice" : "error", replayed ? "msg.replayed" : "msg.not-replayed");
		return "redirect:/console/operations";
	}

	@GetMapping
	String operations(Model model) {
		Section.OPERATIONS.require(Actors.current());
		List<DeadLetter> letters = this.state.deadLetters()
			.stream()
			.map((letter) -> new DeadLetter(letter.id(), this.texts.document(letter.documentType()),
					this.texts.partner(letter.sender()), this.texts.partner(letter.recipient()), letter.status(),
					letter.attempts(), nz(letter.lastError()), this.texts.dateTime(letter.since())))
			.toList();
		List<Health> partners = this.state.health()
			.stream()
			.map((row) -> new Health(row.partner(), row.queued(), row.deadLetters(),
					this.texts.dateTime(row.lastSuccess()), nz(row.lastFailure()), row.circuit()))
			.toList();
		List<Certificate> expiring = this.certificates.expiringSoon()
			.stream()
			.map((certificate) -> new Certificate(this.texts.partner(certificate.partner()), certificate.subject(),
					this.texts.dateTime(certificate.notAfter()), this.texts.dateTime(certificate.lastSeen())))
			.toList();
		model.addAttribute("expiringCertificates", expiring);
		model.addAttribute("deadLetters", letters);
		model.addAttribute("health", partners);
		return "console/operations";
	}

	private static String nz(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/** An exchange that delivery gave up on, as the table shows it. */
	record DeadLetter(UUID id, String document, String from, String to, String status, int attempts, String lastError,
			String since) {
	}

	/**
	 * A partner's client certificate that expires within 30 days, as the table shows it.
	 */
	record Certificate(String partner, String subject, String expires, String lastSeen) {
	}

	/**
	 * One partner's delivery health, as the table shows it; {@code circuit} is the state
	 * of its breaker on this node (delivering, paused, probing).
	 */
	record Health(String partner, long queued, long deadLetters, String lastSuccess, String lastFailure,
			String circuit) {
	}

}
