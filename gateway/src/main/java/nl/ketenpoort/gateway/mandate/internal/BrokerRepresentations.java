package nl.ketenpoort.gateway.mandate.internal;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.consent.subject.Bsn;
import nl.ketenpoort.gateway.identity.RepresentationCheck;
import nl.ketenpoort.schemas.problem.RefusalReason;

import org.springframework.stereotype.Component;

/**
 * The broker login's {@code represents} claim, honoured through
 * {@link Representations#honour}: the session acts for the represented person under an
 * active mandate, and any other answer refuses the sign-in with the same reason.
 */
@Component
class BrokerRepresentations implements RepresentationCheck {

	private final Representations representations;

	BrokerRepresentations(Representations representations) {
		this.representations = representations;
	}

	@Override
	public Optional<RefusalReason> represent(UUID representative, Bsn represented, HttpSession session) {
		Representation representation = this.representations.honour(representative, represented, session);
		if (!(representation instanceof Representation.Refused refused)) {
			return Optional.empty();
		}
		return Optional.of(switch (refused.reason()) {
			case NO_MANDATE -> RefusalReason.NO_MANDATE;
			case MANDATE_EXPIRED -> RefusalReason.MANDATE_EXPIRED;
			case MANDATE_REVOKED -> RefusalReason.MANDATE_REVOKED;
		});
	}

}
