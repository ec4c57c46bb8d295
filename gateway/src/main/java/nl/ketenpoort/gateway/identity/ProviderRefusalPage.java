package nl.ketenpoort.gateway.identity;

import java.util.Locale;

import nl.ketenpoort.schemas.problem.RefusalReason;

import org.springframework.http.HttpStatus;

/**
 * What the page after a refused sign-in at an upstream provider says; the failure handler
 * forwards to {@link #PAGE} with it in the request attribute {@link #ATTRIBUTE}.
 *
 * @param refusal why the person was not let in
 * @param provider the provider's name as on the login page
 */
public record ProviderRefusalPage(RefusalReason refusal, String provider) {

	/** The request attribute that holds the refusal. */
	public static final String ATTRIBUTE = ProviderRefusalPage.class.getName();

	/** Where the page is rendered; only the failure handler forwards there. */
	public static final String PAGE = "/login/provider-refused";

	/**
	 * The page for someone who has no DigiD yet, or whose DigiD names no status holder
	 * the registry knows.
	 */
	public static final String NO_DIGID = "/login/no-digid";

	/** The HTTP status of the page or problem document that says so. */
	public HttpStatus status() {
		return status(this.refusal);
	}

	/** The message key of the page's title; {@code <key>.text} is its explanation. */
	public String messageKey() {
		return "federation." + this.refusal.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * A provider that cannot be reached is unavailable, a provider's failed answer leaves
	 * the person unauthenticated; every other refusal is forbidden.
	 */
	public static HttpStatus status(RefusalReason refusal) {
		return switch (refusal) {
			case PROVIDER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case PROVIDER_ERROR -> HttpStatus.UNAUTHORIZED;
			default -> HttpStatus.FORBIDDEN;
		};
	}

}
