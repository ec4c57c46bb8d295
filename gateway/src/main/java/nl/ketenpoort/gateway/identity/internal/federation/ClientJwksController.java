package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public key of Ketenpoort's client assertions, for an operator to register
 * at an upstream provider (or for the provider to fetch as the client's
 * {@code jwks_uri}). Public, as public keys are; not part of the partner API document.
 */
@Hidden
@RestController
class ClientJwksController {

	static final String PATH = "/oauth2/client-jwks";

	private final RelyingPartyKey key;

	ClientJwksController(RelyingPartyKey key) {
		this.key = key;
	}

	@GetMapping(path = PATH, produces = { "application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(this.key.publicJwks());
	}

}
