package nl.ketenpoort.gateway.mandate;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.gateway.identity.Actors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only stand-in for the broker login's handling of the {@code represents} claim: a
 * person logged in with the form login names the BSN of the person they represent, and
 * the login session acts for them exactly as {@link Representations#honour} decides. It
 * answers the mandate id, or 422 with the refusal reason, as a page would be asked for.
 */
@RestController
class RepresentsProbeController {

	private final Representations representations;

	RepresentsProbeController(Representations representations) {
		this.representations = representations;
	}

	@PostMapping(path = "/portal/test-probe/represents", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> represents(@RequestParam String bsn, HttpServletRequest request) {
		Representation representation = this.representations.honour(UUID.fromString(Actors.current().id()),
				Bsn.parse(bsn), request.getSession());
		if (representation instanceof Representation.Active active) {
			return ResponseEntity.ok(active.mandateId().toString());
		}
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(((Representation.Refused) representation).reason().name());
	}

}
