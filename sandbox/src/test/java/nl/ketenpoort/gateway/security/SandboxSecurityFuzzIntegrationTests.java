package nl.ketenpoort.gateway.security;

/**
 * The gateway's security suite over what the sandbox adds to the live OpenAPI document
 * (its partner endpoints): the same promises, no 5xx, problem documents with known codes,
 * no stack traces; the product's operations are covered by the gateway's own run.
 */
class SandboxSecurityFuzzIntegrationTests extends SecurityFuzzIntegrationTests {

	@Override
	boolean fuzzes(ApiOperation operation) {
		return operation.path().startsWith("/sandbox/");
	}

}
