package nl.ketenpoort.gateway.system.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.ketenpoort.schemas.DocumentType;

/**
 * The parts of the OpenAPI document that the annotations cannot say: how a caller gets a
 * token (OAuth2 client credentials with {@code private_key_jwt}, or a pasted bearer
 * token), every error answer as an RFC 9457 problem document, and what a partner with a
 * push endpoint receives (an OpenAPI 3.1 {@code webhooks} entry).
 */
final class OpenApiContract {

	static final String PARTNER_TOKEN = "partnerToken";

	static final String BEARER = "bearerToken";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

	static final String PROBLEM_JSON = "application/problem+json";

	/** Operations anyone may call (see the API filter chain's permitAll rules). */
	private static final Set<String> PUBLIC = Set.of("GET /purposes", "GET /consents/{id}/status", "GET /openapi.json",
			"GET /openapi.yaml", "GET /.well-known/consent-jwks.json");

	private static final Map<String, String> ERRORS = new LinkedHashMap<>();

	static {
		ERRORS.put("400", "Invalid input (API Design Rules /core/error-handling/invalid-input): MALFORMED_REQUEST,"
				+ " INVALID_PARAMETER, IDENTIFIER_IN_QUERY, and a body that does not validate: INVALID_ENVELOPE,"
				+ " SCHEMA_VIOLATION, INVALID_SUBJECT, SUBJECT_MISMATCH, UNKNOWN_DOCUMENT_TYPE, UNKNOWN_PURPOSE,"
				+ " UNKNOWN_RECIPIENT, UNKNOWN_SUBJECT; every problem at once in errors, violations or mismatches");
		ERRORS.put("401", "No valid access token: UNAUTHORIZED");
		ERRORS.put("403", "Not allowed: FORBIDDEN (with reason), or a refusal of the operation's own");
		ERRORS.put("404", "Nothing here that you may see: NOT_FOUND");
		ERRORS.put("405", "Not for this method: METHOD_NOT_ALLOWED (see Allow)");
		ERRORS.put("406", "The Accept header names nothing this operation produces: NOT_ACCEPTABLE");
		ERRORS.put("409", "Conflicts with the current state: CONFLICT, IDEMPOTENCY_CONFLICT, …");
		ERRORS.put("413", "The body is larger than the gateway takes: PAYLOAD_TOO_LARGE");
		ERRORS.put("415", "The body's media type is not accepted: UNSUPPORTED_MEDIA_TYPE");
		ERRORS.put("422",
				"Valid but refused on the rules of the operation: INVALID_GRANT, INVALID_MANDATE, UNPROCESSABLE,"
						+ " … (see docs/problems.md)");
		ERRORS.put("500", "A failure on the gateway's side: INTERNAL_ERROR (quote traceId)");
		ERRORS.put("503", "Temporarily unavailable: SERVICE_UNAVAILABLE; retry later");
	}

	/**
	 * What the annotations leave out and the contract check found the gateway answering:
	 * an operation's other successes, and its own refusals outside the general rule.
	 */
	private static final Map<String, Map<String, String>> ALSO_ANSWERS = Map.of("POST /consents",
			Map.of("201", "Granted: a new consent, at Location (200: the same consent was already active)"),
			"POST /mandates", Map.of("201", "Recorded: the new mandate, at Location"), "GET /consents",
			Map.of("422", "A case manager named no status holder (reason VNUMBER_MISSING): use POST /consents/search"));

	/** Exports answer in the format asked for, not only JSON. */
	private static final Set<String> EXPORTS = Set.of("GET /audit/export", "POST /audit/exports",
			"GET /audit/me/export");

	private OpenApiContract() {
	}

	/**
	 * The schemes, the problem schema, and the token every operation needs by default.
	 */
	static void addComponents(OpenAPI openApi) {
		Components components = openApi.getComponents();
		Scopes scopes = new Scopes();
		for (DocumentType type : DocumentType.all()) {
			// The prefixes of partner.Partner's scopes, spelled here so that the system
			// module does not depend on the partner module.
			scopes.addString("exchange:send:" + type.code(), "Submit " + type.title("en") + " documents");
			scopes.addString("exchange:receive:" + type.code(), "Collect " + type.title("en") + " documents");
		}
		SecurityScheme partnerToken = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("Partner systems: OAuth2 client credentials (RFC 6749 §4.4) with private_key_jwt client"
					+ " authentication (RFC 7523): a single-use ES256 assertion signed with the partner's registered key"
					+ " in client_assertion; tokens live at most five minutes. See docs/partner-onboarding.md. Swagger UI"
					+ " cannot sign an assertion: get a token as the onboarding page shows and paste it under " + BEARER
					+ ".")
			.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes)));
		partnerToken.addExtension("x-token-endpoint-auth-method", "private_key_jwt");
		components.addSecuritySchemes(PARTNER_TOKEN, partnerToken);
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("An access token pasted as it is: a partner's (client credentials) or a person's"
							+ " (authorization code with PKCE after the login form)."));
		components.addSchemas(PROBLEM, problemSchema());
		SubmissionSchemas.addTo(components);
		openApi.addSecurityItem(new SecurityRequirement().addList(PARTNER_TOKEN))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * What every operation may answer besides its success: each error code the gateway
	 * gives on it, as a problem document; public operations need no token.
	 */
	static void conform(String path, PathItem.HttpMethod method, Operation operation) {
		String key = method.name() + " " + path;
		boolean open = PUBLIC.contains(key);
		if (open) {
			operation.setSecurity(List.of());
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		ALSO_ANSWERS.getOrDefault(key, Map.of()).forEach((status, description) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status, status.startsWith("2") ? new ApiResponse().description(description)
					.content(new Content().addMediaType("application/json", new MediaType()))
					.addHeaderObject("Location", new Header().description("The resource").schema(new StringSchema()))
						: problem(description));
			}
		});
		ApiResponse exported = responses.get("200");
		if (EXPORTS.contains(key) && exported != null) {
			Content formats = (exported.getContent() != null) ? exported.getContent() : new Content();
			formats.addMediaType("text/csv", new MediaType().schema(new StringSchema().description("format csv")));
			formats.addMediaType("text/html",
					new MediaType().schema(new StringSchema().description("format html: a readable page")));
			exported.setContent(formats);
		}
		boolean body = operation.getRequestBody() != null || method == PathItem.HttpMethod.POST;
		for (Map.Entry<String, String> error : ERRORS.entrySet()) {
			String status = error.getKey();
			boolean applies = switch (status) {
				case "401", "403" -> !open;
				case "404" -> path.contains("{") || !open;
				case "409", "413", "415", "422" -> body;
				default -> true;
			};
			if (applies && !responses.containsKey(status)) {
				responses.addApiResponse(status, problem(error.getValue()));
			}
		}
		operation.setResponses(responses);
	}

	static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(
					new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
	}

	private static Schema<?> problemSchema() {
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem document; clients switch on code, never on detail."
				+ " Some codes add members (reason, errors, violations, mismatches, missing, parameters, use).");
		problem.addProperty("type", new StringSchema().format("uri").description("Stable URI of the code"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema().description("For people; may change"));
		problem.addProperty("instance", new StringSchema().format("uri-reference"));
		problem.addProperty("code", new StringSchema().description("The stable code (docs/problems.md)"));
		problem.addProperty("documentation", new StringSchema().format("uri"));
		problem.addProperty("traceId", new StringSchema().description("W3C trace id: quote it when reporting"));
		problem.addProperty("reason", new StringSchema().description("The bounded reason of a refusal"));
		ObjectSchema error = new ObjectSchema();
		error.addProperty("code", new StringSchema().description("The stable code of this problem"));
		error.addProperty("pointer", new StringSchema().description("JSON pointer (RFC 6901) of the member"));
		error.addProperty("detail", new StringSchema().description("For people; never quotes the value"));
		error.addProperty("reason", new StringSchema().description("The bounded reason, where there is one"));
		error.setRequired(List.of("code", "pointer", "detail"));
		problem.addProperty("errors",
				new ArraySchema().items(error)
					.description("Every problem of a request's envelope at once (API Design Rules"
							+ " /core/error-handling/all-errors); the first one's code is the problem's code"));
		ObjectSchema violation = new ObjectSchema();
		violation.addProperty("pointer", new StringSchema());
		violation.addProperty("keyword", new StringSchema().description("The JSON Schema keyword that failed"));
		violation.addProperty("message", new StringSchema());
		problem.addProperty("violations", new ArraySchema().items(violation)
			.description("SCHEMA_VIOLATION: every violation of the document's schema (the first 100)"));
		problem.setRequired(List.of("type", "title", "status", "code"));
		return problem;
	}

	/**
	 * The push delivery: what a partner with an endpoint receives and how its answer
	 * steers the gateway (RestJsonAdapter).
	 */
	static void addWebhooks(OpenAPI openApi) {
		Operation delivery = new Operation().operationId("receiveDocument")
			.summary("A document pushed to a partner's endpoint")
			.description("The gateway POSTs each accepted document, in the partner's own JSON format, to the"
					+ " endpoint registered for it, after checking the consent again. 2xx: delivered (a receipt id"
					+ " in the body is kept). 408, 425, 429 and 5xx, time-outs and refused connections: retried with"
					+ " backoff (Retry-After is honoured), dead-lettered after the limit. Other 4xx: not retried,"
					+ " dead-lettered at once for an operator to replay. A repeat with the same Idempotency-Key is the"
					+ " same document: answer it as the first time.")
			.addParametersItem(new HeaderParameter().name("Idempotency-Key")
				.required(true)
				.description("The same for every attempt of one delivery")
				.schema(new StringSchema()))
			.addParametersItem(new HeaderParameter().name("Ketenpoort-Consent")
				.required(true)
				.description("The status holder's consent statement (compact JWS), verifiable against"
						+ " /.well-known/consent-jwks.json; its status at /api/v1/consents/{id}/status")
				.schema(new StringSchema()))
			.addParametersItem(new HeaderParameter().name("traceparent")
				.required(false)
				.description("W3C trace context of the exchange; answer traceresponse to link your own")
				.schema(new StringSchema()))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json",
						new MediaType()
							.schema(new ObjectSchema().description("The document in the partner's own format")))))
			.responses(new ApiResponses()
				.addApiResponse("200",
						new ApiResponse().description("Delivered; any 2xx counts")
							.addHeaderObject(ApiVersion.HEADER,
									new Header()
										.description("The receiving system's own API version, if it has"
												+ " one (the gateway does not read it)")
										.schema(new StringSchema()))
							.addHeaderObject("traceresponse",
									new Header().description("Your own trace, kept with the delivery")
										.schema(new StringSchema())))
				.addApiResponse("429", new ApiResponse().description("Retried later (also 408, 425 and 5xx)"))
				.addApiResponse("400", new ApiResponse().description("Not retried: dead-lettered (any other 4xx)")));
		openApi.addWebhooks("documentDelivery", new PathItem().post(delivery));
	}

}
