package nl.ketenpoort.gateway.identity.internal.federation;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import nl.ketenpoort.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client key set as an upstream provider fetches it: the public part of a real RSA
 * key, never its private members, and not cached past a rotation.
 */
@WebSliceTest(ClientJwksController.class)
@Import(ClientJwksControllerWebTests.Key.class)
class ClientJwksControllerWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RSAKey key;

	@Test
	void publishesThePublicKeyOnly() throws Exception {
		this.mvc.perform(get(ClientJwksController.PATH))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache"))
			.andExpect(jsonPath("$.keys", hasSize(1)))
			.andExpect(jsonPath("$.keys[0].kid").value(this.key.getKeyID()))
			.andExpect(jsonPath("$.keys[0].kty").value("RSA"))
			.andExpect(jsonPath("$.keys[0].n").value(this.key.getModulus().toString()))
			.andExpect(jsonPath("$.keys[0].d").doesNotExist())
			.andExpect(jsonPath("$.keys[0].p").doesNotExist())
			.andExpect(jsonPath("$.keys[0].q").doesNotExist())
			.andExpect(jsonPath("$.keys[0].dp").doesNotExist());
	}

	@Test
	void answersAsAJwkSetWhenAskedFor() throws Exception {
		this.mvc.perform(get(ClientJwksController.PATH).accept("application/jwk-set+json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/jwk-set+json"));
		this.mvc.perform(get(ClientJwksController.PATH).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	// A plain class, not a @TestConfiguration: imported by this slice only, never found
	// by the
	// component scan of other tests' contexts (where it would clash with the real key).
	static class Key {

		@Bean
		RSAKey clientKey() throws Exception {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("client-test").generate();
		}

		@Bean
		RelyingPartyKey relyingPartyKey(RSAKey clientKey) {
			return new RelyingPartyKey(new JWKSet(clientKey));
		}

	}

}
