package nl.ketenpoort.gateway.demo;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.ketenpoort.consent.subject.SubjectIdentifiers;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.schemas.DocumentType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/subjects}: the demo's fictional status holders with their V-numbers
 * and consents, so that a newcomer can follow them through the walkthrough. A demo tool:
 * it exists only in the demo profile, and shows V-numbers precisely because they are
 * invented.
 */
@RestController
@ConditionalOnBooleanProperty("ketenpoort.demo.enabled")
@Tag(name = "Sandbox partners", description = "Demo only: simulated partner systems that receive deliveries")
class DemoSubjectsController {

	private final DemoSubjects demoSubjects;

	private final Subjects subjects;

	private final ConsentRegistry consents;

	private final Clock clock;

	DemoSubjectsController(DemoSubjects demoSubjects, Subjects subjects, ConsentRegistry consents, Clock clock) {
		this.demoSubjects = demoSubjects;
		this.subjects = subjects;
		this.consents = consents;
		this.clock = clock;
	}

	@GetMapping(path = "/sandbox/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The demo status holders, their V-numbers and consents")
	List<Map<String, Object>> subjects() {
		return this.demoSubjects.all().stream().map(this::view).toList();
	}

	private Map<String, Object> view(DemoSubjects.DemoSubject subject) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("vNumber", subject.vNumber());
		view.put("displayName", subject.displayName());
		view.put("language", subject.language());
		view.put("country", subject.country());
		List<Map<String, Object>> consents = this.subjects.find(SubjectIdentifiers.parse(subject.vNumber(), null))
			.map(this.consents::listForSubject)
			.orElse(List.of())
			.stream()
			.sorted(java.util.Comparator.comparing(Consent::grantedAt).thenComparing(Consent::purpose))
			.map(this::view)
			.toList();
		view.put("consents", consents);
		return view;
	}

	private Map<String, Object> view(Consent consent) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", consent.id());
		view.put("purpose", consent.purpose());
		view.put("from", consent.from());
		view.put("to", String.join(",", consent.to()));
		view.put("documentTypes", consent.documents().stream().map(DocumentType::code).toList());
		view.put("status", consent.statusAt(this.clock.instant()).code());
		view.put("method", consent.method().kind().code());
		view.put("language", consent.language());
		return view;
	}

}
