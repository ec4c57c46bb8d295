package nl.ketenpoort.gateway.system.internal;

/**
 * A {@code ketenpoort.api.*} setting would make the OpenAPI document invalid, so the
 * gateway does not start with it.
 */
class OpenApiSettingsInvalid extends RuntimeException {

	OpenApiSettingsInvalid(String message) {
		super(message);
	}

}
