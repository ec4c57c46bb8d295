package nl.ketenpoort.gateway.identity.internal.federation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.schemas.problem.RefusalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the BSN of the represented person from a broker's ID token (OIDC NL GOV profile,
 * {@code represents}): the claim at a path of claim names joined by dots, by default
 * {@code represents.sub}. The first name of the path decides whether the sign-in is a
 * representative's at all; once that claim is there, anything but a valid BSN at the end
 * of the path refuses the sign-in: it never falls back to the person's own portal.
 */
public final class RepresentsClaim {

	private static final Logger log = LoggerFactory.getLogger(RepresentsClaim.class);

	private final List<String> path;

	public RepresentsClaim(String path) {
		this.path = List.of(path.split("\\."));
	}

	/**
	 * The represented person's BSN, or empty when the token represents nobody.
	 * @param claims the ID token's claims
	 * @return the BSN
	 * @throws FederatedLoginRefused with {@link RefusalReason#REPRESENTS_INVALID} when
	 * the claim is there but names no valid BSN
	 */
	public Optional<Bsn> represented(Map<String, Object> claims) {
		Object value = claims.get(this.path.get(0));
		if (value == null) {
			return Optional.empty();
		}
		for (String name : this.path.subList(1, this.path.size())) {
			value = (value instanceof Map<?, ?> object) ? object.get(name) : null;
		}
		if (!(value instanceof String bsn)) {
			log.debug("Refused a sign-in through the broker: its claim {} holds no string",
					String.join(".", this.path));
			throw new FederatedLoginRefused(RefusalReason.REPRESENTS_INVALID, null);
		}
		try {
			return Optional.of(Bsn.parse(bsn));
		}
		catch (IdentifierInvalid ex) {
			log.debug("Refused a sign-in through the broker: its claim {} holds no valid BSN ({})",
					String.join(".", this.path), ex.reason());
			throw new FederatedLoginRefused(RefusalReason.REPRESENTS_INVALID, null);
		}
	}

}
