package nl.ketenpoort.gateway.identity.internal.federation;

import java.io.Serial;
import java.util.Optional;

import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The provider's claims did not let the person in; carries the bounded reason and, when
 * the account is known, whose account it was (for the audit log).
 */
public class FederatedLoginRefused extends OAuth2AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final RefusalReason refusal;

	private final transient @Nullable Actor account;

	/**
	 * @param refusal why
	 * @param account the account concerned, if one is known
	 */
	public FederatedLoginRefused(RefusalReason refusal, @Nullable Actor account) {
		super(new OAuth2Error(refusal.name()), "The sign-in was refused: " + refusal);
		this.refusal = refusal;
		this.account = account;
	}

	public RefusalReason refusal() {
		return this.refusal;
	}

	public Optional<Actor> account() {
		return Optional.ofNullable(this.account);
	}

}
