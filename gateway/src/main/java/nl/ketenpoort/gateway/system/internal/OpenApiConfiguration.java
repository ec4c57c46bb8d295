package nl.ketenpoort.gateway.system.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description partner developers read at {@code /api/v1/openapi.json}
 * (and {@code /v3/api-docs}), shaped to the NL GOV API Design Rules: the API's own
 * version in {@code info.version} ({@code /core/semver}), one server {@code /api/v1} with
 * the API's paths relative to it ({@code /core/uri-version}), the unversioned endpoints
 * with a server of their own, a contact ({@code /core/doc-openapi-contact}, from
 * {@link OpenApiSettings}: the project by default, the operator's service desk when set)
 * and the {@code API-Version} header on every response ({@code /core/version-header}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String VERSION_HEADER_REF = "#/components/headers/" + ApiVersion.HEADER;

	@Bean
	OpenAPI ketenpoortOpenApi(OpenApiSettings settings) {
		return new OpenAPI()
			.info(new Info().title("Ketenpoort API")
				.version(ApiVersion.CURRENT)
				.description("Consent-checked, minimised and audited exchange of documents between TVS (COA), "
						+ "RAAK (municipality), VVS (VluchtelingenWerk) and the language providers. "
						+ "Errors are RFC 9457 problem documents with a stable `code`. Every answer carries the "
						+ "`API-Version` header; the major version is in the server URL.")
				.contact(contact(settings.contact()))
				.license(new License().name("EUPL-1.2")
					.url("https://interoperable-europe.ec.europa.eu/collection/eupl")))
			.servers(List.of(new Server().url(ApiVersion.BASE_PATH)
				.description("This gateway, major version " + ApiVersion.CURRENT.substring(0, 1))))
			.components(new Components().addHeaders(ApiVersion.HEADER,
					new Header().description("The full semantic version of the API that answered")
						.schema(new StringSchema().example(ApiVersion.CURRENT))));
	}

	/** The configured contact; an e-mail address only when one is set. */
	static Contact contact(OpenApiSettings.Contact settings) {
		Contact contact = new Contact().name(settings.name()).url(settings.url().toString());
		if (settings.email() != null) {
			contact.email(settings.email());
		}
		return contact;
	}

	/**
	 * Rewrites the generated paths: relative to the {@code /api/v1} server, the others
	 * (discovery, key sets, the sandbox in the demo) under the gateway's root; every
	 * operation gets a description and every response the version header.
	 */
	@Bean
	OpenApiCustomizer apiDesignRules() {
		return (openApi) -> {
			Paths relative = new Paths();
			Paths generated = (openApi.getPaths() != null) ? openApi.getPaths() : new Paths();
			generated.forEach((path, item) -> {
				String key = path;
				if (path.startsWith(ApiVersion.BASE_PATH + "/")) {
					key = path.substring(ApiVersion.BASE_PATH.length());
				}
				else {
					item.servers(List
						.of(new Server().url("/").description("This gateway's root: the path is not versioned")));
				}
				relative.addPathItem(key, item);
				String relativePath = key;
				item.readOperationsMap().forEach((method, operation) -> {
					OpenApiContract.conform(relativePath, method, operation);
					conform(operation);
				});
			});
			openApi.setPaths(relative);
			// Here rather than on the bean: springdoc builds its document from the bean's
			// info and servers, and keeps what a customizer adds.
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			OpenApiContract.addComponents(openApi);
			OpenApiContract.addWebhooks(openApi);
		};
	}

	private static void conform(Operation operation) {
		if (operation.getDescription() == null || operation.getDescription().isBlank()) {
			operation.setDescription(operation.getSummary());
		}
		if (operation.getResponses() != null) {
			for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
				ApiResponse answer = response.getValue();
				if (answer.getHeaders() == null || !answer.getHeaders().containsKey(ApiVersion.HEADER)) {
					answer.addHeaderObject(ApiVersion.HEADER, new Header().$ref(VERSION_HEADER_REF));
				}
				// A header declared by annotation without a schema is a string (OpenAPI
				// requires one of schema and content).
				answer.getHeaders()
					.values()
					.stream()
					.filter((header) -> header.get$ref() == null && header.getSchema() == null
							&& header.getContent() == null)
					.forEach((header) -> header.setSchema(new StringSchema()));
			}
		}
	}

}
