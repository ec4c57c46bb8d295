package nl.ketenpoort.gateway.identity.internal.federation;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/**
 * An upstream provider's discovery document could not be read (down, unreachable, or
 * naming another issuer), so nobody can sign in there now.
 */
public class ProviderUnavailable extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final boolean fresh;

	/**
	 * @param registrationId the provider
	 * @param fresh whether the provider was asked just now (rather than known to have
	 * failed moments ago): only such a failure is audited
	 * @param cause what went wrong
	 */
	public ProviderUnavailable(String registrationId, boolean fresh,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super("The OpenID provider " + registrationId + " is unavailable", cause);
		this.fresh = fresh;
	}

	public boolean fresh() {
		return this.fresh;
	}

}
