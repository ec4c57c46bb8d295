package nl.ketenpoort.gateway.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint that shows the {@link Actor} the gateway established for a request.
 */
// A test-only probe: not part of the published contract.
@io.swagger.v3.oas.annotations.Hidden
@RestController
class ActorProbeController {

	@GetMapping("/api/v1/test-probe/actor")
	Map<String, Object> actor() {
		Actor actor = Actors.current();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", actor.kind().name());
		body.put("id", actor.id());
		body.put("organisation", actor.organisation().orElse(null));
		body.put("roles", new TreeSet<>(actor.roles().stream().map(Role::name).toList()));
		body.put("subjectRef", actor.subjectRef().orElse(null));
		body.put("scopes", new TreeSet<>(actor.scopes()));
		return body;
	}

}
