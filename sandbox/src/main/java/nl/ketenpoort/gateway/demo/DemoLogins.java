package nl.ketenpoort.gateway.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.ketenpoort.gateway.demo.DemoStatusHolders.Holder;

/**
 * Who can sign in at the demo's OpenID providers: a username typed on a provider's login
 * page stands for fixed claims, so that the demo needs no claims typed by hand. The
 * banner describes each by name only; the claims (a status holder's BSN among them) go
 * into the provider's tokens and nowhere else.
 */
final class DemoLogins {

	static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";

	static final String LOW = "http://eidas.europa.eu/LoA/low";

	/**
	 * A fictional BSN (it passes the 11-test) of Said, Farid's representative, who is
	 * nobody's status holder.
	 */
	static final String REPRESENTATIVE_BSN = "999993069";

	/**
	 * What a status holder's sign-in shows: Elif's only document was refused, so no
	 * accepted exchange ever joined her BSN to her record.
	 */
	private static final Map<String, String> SHOWS = Map.of("Amira", "her portal, four consents given in Arabic",
			"Yonas", "his portal (the walkthrough's status holder)", "Farid", "his portal, paper consents", "Tenzin",
			"her portal, a withdrawn consent", "Elif",
			"refused: no record joined yet, the page that her case manager records consent on paper");

	private DemoLogins() {
	}

	/** One of the demo's OpenID providers. */
	enum Provider {

		COA("coa", "coa", "ketenpoort-coa", "COA"),

		AMSTERDAM("amsterdam", "amsterdam", "ketenpoort-amsterdam", "Gemeente Amsterdam"),

		VWN("vwn", "vwn", "ketenpoort-vwn", "VluchtelingenWerk"),

		BROKER("digid", "broker", "ketenpoort-broker", "DigiD (broker)");

		/** The issuer's path at the demo's provider server. */
		final String issuerId;

		/** Ketenpoort's registration id, in {@code /oauth2/authorization/<id>}. */
		final String registrationId;

		final String clientId;

		final String displayName;

		Provider(String issuerId, String registrationId, String clientId, String displayName) {
			this.issuerId = issuerId;
			this.registrationId = registrationId;
			this.clientId = clientId;
			this.displayName = displayName;
		}

	}

	/**
	 * A username at a provider and what it stands for.
	 *
	 * @param provider where it is typed
	 * @param username what is typed on the provider's login page
	 * @param shows what signing in with it shows, for the banner and docs (no BSN)
	 * @param claims the ID token's claims besides {@code sub} (the username) and
	 * {@code aud}
	 */
	record Login(Provider provider, String username, String shows, Map<String, Object> claims) {

	}

	/** Every demo login, in the banner's order. */
	static List<Login> all() {
		List<Login> logins = new ArrayList<>();
		logins.add(new Login(Provider.COA, "casemanager", "COA case manager: console, paper consent, mandates",
				Map.of("roles", List.of("coa-casemanager"), "organisation", "coa", "name", "Casemanager COA")));
		logins.add(new Login(Provider.COA, "privacy", "COA privacy officer: audit and reports",
				Map.of("roles", List.of("coa-privacy"), "organisation", "coa", "name", "Privacy COA")));
		logins.add(new Login(Provider.COA, "monitor", "programme manager: the chain monitor",
				Map.of("roles", List.of("chain-monitor"), "organisation", "coa", "name", "Ketenmonitor COA")));
		logins.add(new Login(Provider.COA, "wrong-organisation",
				"refused: COA's provider naming the municipality as organisation",
				Map.of("roles", List.of("coa-casemanager"), "organisation", "amsterdam")));
		logins.add(new Login(Provider.AMSTERDAM, "klantmanager", "client manager of the municipality",
				Map.of("groups", List.of("klantmanager"), "name", "Klantmanager Amsterdam")));
		logins.add(new Login(Provider.VWN, "begeleider", "VluchtelingenWerk case manager",
				Map.of("roles", List.of("vwn-begeleider"), "name", "Begeleider VWN")));
		for (Holder holder : DemoStatusHolders.ALL) {
			if (holder.bsn() == null) {
				continue;
			}
			String firstName = holder.displayName().split(" ")[0];
			logins.add(new Login(Provider.BROKER, firstName.toLowerCase(Locale.ROOT),
					firstName + ": " + SHOWS.getOrDefault(firstName, "the portal"),
					Map.of("bsn", holder.bsn(), "acr", SUBSTANTIAL)));
		}
		DemoStatusHolders.ALL.stream()
			.filter((holder) -> DemoMandate.REPRESENTED.equals(holder.displayName()) && holder.bsn() != null)
			.findFirst()
			.ifPresent((holder) -> logins.add(new Login(Provider.BROKER, "said",
					"Said: acts for " + holder.displayName().split(" ")[0] + " (written mandate) in the portal",
					Map.of("bsn", REPRESENTATIVE_BSN, "acr", SUBSTANTIAL, "represents", Map.of("sub", holder.bsn())))));
		DemoStatusHolders.ALL.stream()
			.filter((holder) -> holder.bsn() != null)
			.findFirst()
			.ifPresent((holder) -> logins.add(new Login(Provider.BROKER, "low",
					"refused: " + holder.displayName().split(" ")[0] + " at DigiD level low",
					Map.of("bsn", holder.bsn(), "acr", LOW))));
		return List.copyOf(logins);
	}

}
