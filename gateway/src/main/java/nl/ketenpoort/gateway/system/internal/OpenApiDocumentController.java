package nl.ketenpoort.gateway.system.internal;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;

/**
 * The OpenAPI document as a resource of the API itself (NL GOV API Design Rules
 * {@code /core/publish-openapi}): public, readable from any origin
 * ({@code /core/transport/cors} allows {@code *} for a document every partner tool must
 * fetch), the same document as {@code /v3/api-docs}. Where the document is switched off
 * (the production profile) it is not found here either.
 */
@RestController
@RequestMapping(ApiVersion.BASE_PATH)
@Tag(name = "OpenAPI", description = "This API's own description")
class OpenApiDocumentController {

	private static final String API_DOCS = "/v3/api-docs";

	private final ObjectProvider<OpenApiWebMvcResource> documents;

	OpenApiDocumentController(ObjectProvider<OpenApiWebMvcResource> documents) {
		this.documents = documents;
	}

	@GetMapping(path = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "This OpenAPI document, as JSON",
			description = "Public and readable from any origin; the same document as /v3/api-docs.")
	@ApiResponse(responseCode = "200", description = "The OpenAPI 3.1 document",
			headers = @Header(name = "access-control-allow-origin", description = "Always *"))
	ResponseEntity<byte[]> json(HttpServletRequest request, Locale locale) throws Exception {
		return answer(document().openapiJson(request, API_DOCS, locale), MediaType.APPLICATION_JSON);
	}

	@GetMapping(path = "/openapi.yaml", produces = "application/yaml")
	@Operation(summary = "This OpenAPI document, as YAML",
			description = "Public and readable from any origin; the same document as /v3/api-docs.yaml.")
	@ApiResponse(responseCode = "200", description = "The OpenAPI 3.1 document",
			headers = @Header(name = "access-control-allow-origin", description = "Always *"))
	ResponseEntity<byte[]> yaml(HttpServletRequest request, Locale locale) throws Exception {
		return answer(document().openapiYaml(request, API_DOCS, locale), MediaType.parseMediaType("application/yaml"));
	}

	private OpenApiWebMvcResource document() {
		OpenApiWebMvcResource resource = this.documents.getIfAvailable();
		if (resource == null) {
			throw new DocumentSwitchedOff();
		}
		return resource;
	}

	private static ResponseEntity<byte[]> answer(byte[] body, MediaType type) {
		return ResponseEntity.ok().contentType(type).header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").body(body);
	}

	/** The OpenAPI document is switched off on this gateway. */
	static class DocumentSwitchedOff extends ProblemException {

		DocumentSwitchedOff() {
			super(ProblemCode.NOT_FOUND, "This gateway does not publish its OpenAPI document.");
		}

	}

}
