package nl.ketenpoort.gateway.problem.internal;

import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.schemas.problem.CodedFailure;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import nl.ketenpoort.gateway.problem.PayloadTooLarge;
import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import nl.ketenpoort.gateway.problem.Problems;

/**
 * Maps every exception that reaches Spring MVC to one RFC 9457 problem document with a
 * stable code; nothing leaks a stack trace or echoes request content.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> handleProblem(ProblemException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(ex.code(), ex.getMessage(), request);
		ex.properties().forEach(problem::setProperty);
		log.debug("Request refused with {}: {}", ex.code(), ex.getMessage());
		return respond(problem);
	}

	/**
	 * A library's coded failure, wherever it is raised (a malformed V-number or BSN, an
	 * unknown purpose, a refused grant): its code, the status of its kind, the bounded
	 * reason and the library's safe detail; never the value that was refused.
	 */
	ResponseEntity<ProblemDetail> handleFailure(CodedFailure failure, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(failure.failureCode(), failure.failureDetail(), request);
		String reason = failure.failureReason();
		if (reason != null) {
			problem.setProperty("reason", reason);
		}
		failure.failureProperties().forEach(problem::setProperty);
		log.debug("Request refused with {}: {}", failure.failureCode(), (reason != null) ? reason : "no reason");
		return respond(problem);
	}

	/**
	 * Tomcat refuses to read more than {@code server.tomcat.max-parameter-count} (1000)
	 * parameters, or parameters it cannot decode, when the first one is asked for.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> handleInvalidParameters(InvalidParameterException ex, HttpServletRequest request) {
		log.debug("Request refused with {}: the container could not read its parameters",
				ProblemCode.MALFORMED_REQUEST);
		return respond(Problems.of(ProblemCode.MALFORMED_REQUEST,
				"The request has more parameters than the gateway reads (at most 1000), or parameters that cannot be decoded.",
				request));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex,
			HttpServletRequest request) {
		return respond(Problems.of(ProblemCode.INVALID_PARAMETER,
				"Parameter '" + ex.getName() + "' does not have the expected format.", request));
	}

	/**
	 * A wildcard {@code Content-Type} ({@code application/*}) names no media type a body
	 * can be read as, but Spring MVC fails on it with an {@link IllegalArgumentException}
	 * where it answers 415 to every other unusable media type. Any other
	 * {@code IllegalArgumentException} stays a failure of ours.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> handleIllegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		if (hasWildcardContentType(request)) {
			log.debug("Request refused with {}: a wildcard Content-Type", ProblemCode.UNSUPPORTED_MEDIA_TYPE);
			return respond(Problems.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
					"The request body's Content-Type must name one media type, not a wildcard.", request));
		}
		return handleUnexpected(ex, request);
	}

	private static boolean hasWildcardContentType(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request) {
		// An interface cannot be named in @ExceptionHandler: the libraries' coded
		// failures arrive here.
		if (ex instanceof CodedFailure failure) {
			return handleFailure(failure, request);
		}
		PayloadTooLarge tooLarge = PayloadTooLarge.causeOf(ex);
		if (tooLarge != null) {
			return handleProblem(tooLarge, request);
		}
		log.error("Request failed unexpectedly", ex);
		return respond(Problems.of(ProblemCode.INTERNAL_ERROR,
				"Something went wrong on our side. Quote the trace id when you report it.", request));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLarge tooLarge = PayloadTooLarge.causeOf(ex);
		if (tooLarge != null) {
			return ResponseEntity.status(tooLarge.code().status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(handleProblem(tooLarge, servletRequest(request)).getBody());
		}
		// Parser messages quote the offending input, which may be personal data: keep
		// them out.
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
				"The request body could not be read as JSON of the expected shape.");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		ProblemCode code = ProblemCode.forStatus(statusCode.value());
		if (problem.getDetail() == null) {
			problem.setDetail(code.defaultDetail());
		}
		Problems.complete(problem, code, servletRequest(request));
		log.debug("Request refused with {}: {}", statusCode.value(), ex.getClass().getSimpleName());
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.putAll(headers);
		responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, responseHeaders, statusCode);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
	}

}
