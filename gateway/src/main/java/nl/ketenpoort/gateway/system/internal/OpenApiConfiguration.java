package nl.ketenpoort.gateway.system.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description partner developers read at {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI ketenpoortOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "dev";
		return new OpenAPI().info(new Info().title("Ketenpoort API")
			.version(version)
			.description("Consent-checked, minimised and audited exchange of documents between TVS (COA), "
					+ "RAAK (municipality), VVS (VluchtelingenWerk) and the language providers. "
					+ "Errors are RFC 9457 problem documents with a stable `code`.")
			.license(new License().name("EUPL-1.2").url("https://interoperable-europe.ec.europa.eu/collection/eupl")));
	}

}
