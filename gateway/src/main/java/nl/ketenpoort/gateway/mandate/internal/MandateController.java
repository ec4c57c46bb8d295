package nl.ketenpoort.gateway.mandate.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.gateway.identity.Actors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.ketenpoort.gateway.mandate.Mandate;
import nl.ketenpoort.gateway.mandate.MandateForm;
import nl.ketenpoort.gateway.mandate.MandateRegister;

/**
 * Record, read and revoke mandates: a case manager of the organisation that holds the
 * record. The represented status holder is named by V-number or BSN, the representative
 * by account or BSN, in the body only; no BSN or V-number appears in an answer.
 */
@RestController
@RequestMapping(path = "/api/v1/mandates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Mandates", description = "Representatives (Nidos guardians, written mandates) who act for a status holder")
class MandateController {

	private final MandateRegister register;

	MandateController(MandateRegister register) {
		this.register = register;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "Record a mandate (case manager): the representative may act for the status holder until it ends",
			description = "The representative is named by 'representative' (their account's user id) or by"
					+ " 'representativeBsn' (the BSN they sign in with through the DigiD broker; resolved to that"
					+ " sign-in's account, made if need be, and not stored). "
					+ "A guardianship needs the minor's 'birthDate' (yyyy-MM-dd or yyyy-MM) and ends at 18 at the"
					+ " latest; the date of birth is not stored. A written mandate needs 'validUntil' (the last day it"
					+ " holds, at most five years ahead).")
	ResponseEntity<Map<String, Object>> record(@RequestBody MandateForm form) {
		Mandate mandate = this.register.record(Actors.current(), form);
		return ResponseEntity.created(URI.create("/api/v1/mandates/" + mandate.id()))
			.body(view(mandate, this.register.now()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One mandate, for a case manager of the organisation that holds its record")
	Map<String, Object> one(@PathVariable UUID id) {
		return view(this.register.find(Actors.current(), id), this.register.now());
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke a mandate: from the next request on its representative no longer acts for the status"
			+ " holder")
	Map<String, Object> revoke(@PathVariable UUID id) {
		return view(this.register.revoke(Actors.current(), id), this.register.now());
	}

	static Map<String, Object> view(Mandate mandate, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", mandate.id());
		view.put("representative", mandate.representative());
		view.put("kind", mandate.kind().name());
		view.put("evidenceReference", mandate.evidenceReference());
		view.put("validUntil", MandateTerm.lastDay(mandate.endsAt()).toString());
		view.put("endsAt", mandate.endsAt().toString());
		view.put("endsAtEighteen", mandate.endsAtEighteen());
		view.put("status", mandate.statusAt(now).code());
		view.put("organisation", mandate.organisation());
		view.put("recordedAt", mandate.recordedAt().toString());
		if (mandate.revokedAt() != null) {
			view.put("revokedAt", mandate.revokedAt().toString());
		}
		return view;
	}

}
