package nl.ketenpoort.gateway.problem;

import java.util.Map;

import nl.ketenpoort.adapters.DeliveryInvalid;
import nl.ketenpoort.schemas.UnknownDocumentType;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that provoke each error class, so the problem contract is tested
 * without depending on any feature's controller.
 */
// A test-only probe: not part of the published contract.
@io.swagger.v3.oas.annotations.Hidden
@RestController
public class ProblemProbeController {

	record Probe(String name, int count) {
	}

	@PostMapping(path = "/test-probe/json", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> accept(@RequestBody Probe probe) {
		return Map.of("name", probe.name(), "count", probe.count());
	}

	@GetMapping(path = "/test-probe/json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> read() {
		return Map.of("ok", true);
	}

	@GetMapping("/test-probe/failure")
	Map<String, Object> fail() {
		throw new IllegalStateException("secret internal detail V-1234567890");
	}

	@GetMapping("/test-probe/library-failure")
	Map<String, Object> libraryFailure() {
		throw new UnknownDocumentType("V-1234567890");
	}

	@GetMapping("/test-probe/adapter-failure")
	Map<String, Object> adapterFailure() {
		throw new DeliveryInvalid("V-1234567890");
	}

}
