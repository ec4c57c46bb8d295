package nl.ketenpoort.gateway.identity.federation;

/**
 * What the page after a refused sign-in at an upstream provider says; the failure handler
 * forwards to {@link #PAGE} with it in the request attribute {@link #ATTRIBUTE}.
 *
 * @param refusal why the person was not let in
 * @param provider the provider's name as on the login page
 */
public record ProviderRefusalPage(Refusal refusal, String provider) {

	/** The request attribute that holds the refusal. */
	public static final String ATTRIBUTE = ProviderRefusalPage.class.getName();

	/** Where the page is rendered; only the failure handler forwards there. */
	public static final String PAGE = "/login/provider-refused";

	/**
	 * The page for someone who has no DigiD yet, or whose DigiD names no status holder
	 * the registry knows.
	 */
	public static final String NO_DIGID = "/login/no-digid";

}
