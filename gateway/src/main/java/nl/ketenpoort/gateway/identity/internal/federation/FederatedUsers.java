package nl.ketenpoort.gateway.identity.internal.federation;

import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.internal.FederatedPerson;
import nl.ketenpoort.gateway.identity.Person;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import nl.ketenpoort.gateway.identity.BrokerLogins;

/**
 * Spring Security's step from a verified ID token to the logged-in user: here the
 * Ketenpoort account the token's claims map to, staff through {@link StaffLogins}, status
 * holders through {@link BrokerLogins}. Only the ID token is used; the provider's
 * userinfo endpoint is not asked (nothing from it is needed), and the provider's access
 * token is not kept.
 */
class FederatedUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final StaffLogins staff;

	private final @Nullable BrokerLogins broker;

	FederatedUsers(StaffLogins staff, @Nullable BrokerLogins broker) {
		this.staff = staff;
		this.broker = broker;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		String registrationId = request.getClientRegistration().getRegistrationId();
		OidcIdToken idToken = request.getIdToken();
		HttpSession session = session();
		// A new sign-in in a browser that acted for someone acts for nobody, unless its
		// own token says so again.
		session.removeAttribute(ActingForCheck.SESSION_ATTRIBUTE);
		session.removeAttribute(ActingForCheck.ENDED_ATTRIBUTE);
		if (FederationSettings.BROKER.equals(registrationId)) {
			if (this.broker == null) {
				throw new FederatedLoginRefused(RefusalReason.PROVIDER_ERROR, null);
			}
			Person person = this.broker.person(idToken, session);
			// The broker's token carries the BSN: only its harmless claims stay.
			return FederatedPerson.of(person, registrationId, idToken, false);
		}
		Person person = this.staff.person(registrationId, idToken);
		return FederatedPerson.of(person, registrationId, idToken, true);
	}

	/**
	 * The session of the sign-in's callback request: it holds the authorization request
	 * already, and keeps its attributes when its id changes at login. Spring Security
	 * hands the user service no request, so it is the one bound to this thread (by
	 * Spring's request context filter, which runs before the security filters).
	 */
	private static HttpSession session() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			throw new FederatedLoginRefused(RefusalReason.PROVIDER_ERROR, null);
		}
		return attributes.getRequest().getSession();
	}

}
