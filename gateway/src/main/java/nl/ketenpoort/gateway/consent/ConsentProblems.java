package nl.ketenpoort.gateway.consent;

import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.consent.ConsentNotActive;
import nl.ketenpoort.consent.ConsentNotFound;
import nl.ketenpoort.consent.GrantRefused;
import nl.ketenpoort.consent.purpose.PurposeUnknown;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.Problems;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the consent registry's exceptions to problem documents, each with a stable code.
 */
@RestControllerAdvice(assignableTypes = ConsentController.class)
class ConsentProblems {

	@ExceptionHandler(GrantRefused.class)
	ResponseEntity<ProblemDetail> grantRefused(GrantRefused ex, HttpServletRequest request) {
		if (ex.reason() == GrantRefused.Reason.OVERLAPS_ACTIVE_CONSENT && ex.existingConsent() != null) {
			ProblemDetail problem = Problems.of(ProblemCode.CONSENT_OVERLAPS,
					"An active consent covers some of these recipients and document types: revoke consent "
							+ ex.existingConsent() + " first, or grant exactly that consent again.",
					request);
			problem.setProperty("reason", ex.reason().name());
			problem.setProperty("existingConsent", ex.existingConsent().toString());
			return respond(problem);
		}
		ProblemDetail problem = Problems.of(ProblemCode.UNPROCESSABLE,
				"The consent cannot be granted: " + ex.reason().name() + ".", request);
		problem.setProperty("reason", ex.reason().name());
		return respond(problem);
	}

	@ExceptionHandler(PurposeUnknown.class)
	ResponseEntity<ProblemDetail> purposeUnknown(PurposeUnknown ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemCode.UNKNOWN_PURPOSE, "No purpose with this code.", request));
	}

	@ExceptionHandler(ConsentNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ConsentNotFound ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemCode.NOT_FOUND, "No consent with this id.", request));
	}

	@ExceptionHandler(ConsentNotActive.class)
	ResponseEntity<ProblemDetail> notActive(ConsentNotActive ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemCode.CONFLICT, "The consent is no longer active.", request));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
