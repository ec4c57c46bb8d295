package nl.ketenpoort.gateway.mandate;

import java.util.Arrays;
import java.util.Optional;

/** On what ground a representative acts for a status holder. */
public enum MandateKind {

	/**
	 * Nidos is the guardian of an unaccompanied minor; the guardianship ends at 18 by
	 * law.
	 */
	NIDOS_GUARDIANSHIP,

	/** The status holder authorised the representative in writing. */
	WRITTEN_MANDATE;

	/** The kind with this name, as the API and the database spell it. */
	static Optional<MandateKind> find(String name) {
		return Arrays.stream(values()).filter((kind) -> kind.name().equals(name)).findFirst();
	}

}
