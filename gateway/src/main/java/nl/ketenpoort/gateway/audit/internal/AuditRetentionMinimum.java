package nl.ketenpoort.gateway.audit.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.AuditRetention;

/**
 * Refuses to start a gateway that would prune on its own by a period shorter than
 * {@code ketenpoort.audit.retention.minimum}: a mistyped period must not empty the log
 * overnight. Commands (which never schedule) leave the decision to {@code audit prune}
 * and its explicit flag.
 */
@Component
@ConditionalOnProperty(name = "ketenpoort.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AuditRetentionMinimum {

	AuditRetentionMinimum(AuditRetention retention) {
		List<String> tooShort = retention.shorterThanMinimum();
		if (!retention.pruneEvery().isZero() && !tooShort.isEmpty()) {
			throw new IllegalStateException("ketenpoort.audit.retention: " + String.join(", ", tooShort)
					+ " is shorter than ketenpoort.audit.retention.minimum (" + retention.minimum()
					+ "); the gateway would prune recent evidence on its own. Lengthen the period, or lower the"
					+ " minimum deliberately.");
		}
	}

}
