package nl.ketenpoort.gateway.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo data ({@code ketenpoort.demo.*}).
 *
 * @param enabled whether fictional status holders, consents and documents are seeded on
 * start; on in the demo profile only (it needs the sandbox partners)
 * @param identityProviders the demo's OpenID providers
 */
@ConfigurationProperties("ketenpoort.demo")
record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue IdentityProviders identityProviders) {

	/**
	 * The demo's OpenID providers, started by {@link DemoIdentityProviders} before the
	 * context (so read there from the environment; bound here for the record).
	 *
	 * @param enabled whether COA's, Amsterdam's, VWN's and a DigiD broker's providers run
	 * on 127.0.0.1 and the gateway signs in there; on in the demo profile
	 * @param port their port; 0 for a free one
	 */
	record IdentityProviders(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {

	}

}
