package nl.ketenpoort.gateway.identity;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint that the access matrix deliberately does not list: it proves that
 * the matrix's completeness check notices an endpoint without an entry (see
 * {@code AccessMatrixIntegrationTests}).
 */
// A test-only probe: not part of the published contract.
@io.swagger.v3.oas.annotations.Hidden
@RestController
class UnlistedProbeController {

	@GetMapping("/api/v1/test-probe/unlisted")
	Map<String, Object> unlisted() {
		return Map.of("listed", false);
	}

}
