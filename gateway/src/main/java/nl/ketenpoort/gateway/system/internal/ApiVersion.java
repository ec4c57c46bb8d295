package nl.ketenpoort.gateway.system.internal;

/**
 * The partner API's own semantic version (NL GOV API Design Rules {@code /core/semver}),
 * kept apart from the Maven version: it changes only when the contract does. The major
 * version is the {@code v1} in every API path ({@code /core/uri-version}); the full
 * version is {@code info.version} of the OpenAPI document and the {@code API-Version}
 * header of every answer ({@code /core/version-header}).
 */
final class ApiVersion {

	/** The version of the contract that this gateway serves. */
	static final String CURRENT = "1.0.0";

	/** The response header that names {@link #CURRENT}. */
	static final String HEADER = "API-Version";

	/**
	 * The base path of the API, relative to which the OpenAPI document lists its paths.
	 */
	static final String BASE_PATH = "/api/v1";

	private ApiVersion() {
	}

}
