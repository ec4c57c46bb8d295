package nl.ketenpoort.gateway.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.schemas.problem.RefusalReason;
import org.jspecify.annotations.Nullable;

/**
 * A V-number or BSN came in the query string of a request that used to take it there (NL
 * GOV API Design Rules {@code /core/transport/no-sensitive-uris}): refused with the names
 * of those parameters (never their values) and the resource that takes them in its body.
 */
public class IdentifierInQuery extends ProblemException {

	private final List<String> parameters;

	private final String use;

	/**
	 * @param use the operation that takes the identifiers in its body, e.g.
	 * {@code POST /api/v1/consents/search}
	 * @param parameters the names of the identifier parameters that were sent
	 */
	public IdentifierInQuery(String use, List<String> parameters) {
		super(ProblemCode.IDENTIFIER_IN_QUERY,
				"Identifiers of status holders are not accepted in the query string: send them in the body of " + use
						+ ".");
		this.use = use;
		this.parameters = List.copyOf(parameters);
	}

	/**
	 * Refuses a request whose query string named a status holder by {@code vNumber} or
	 * {@code bsn}; does nothing when it named none.
	 */
	public static void refuseIfSent(String use, @Nullable String vNumber, @Nullable String bsn) {
		List<String> sent = new ArrayList<>();
		if (vNumber != null) {
			sent.add("vNumber");
		}
		if (bsn != null) {
			sent.add("bsn");
		}
		if (!sent.isEmpty()) {
			throw new IdentifierInQuery(use, sent);
		}
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("reason", RefusalReason.IDENTIFIER_IN_QUERY.name(), "parameters", this.parameters, "use",
				this.use);
	}

}
