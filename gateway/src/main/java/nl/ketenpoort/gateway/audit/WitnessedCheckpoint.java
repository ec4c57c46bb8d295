package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.util.List;

/**
 * The last checkpoint of the audit log that the quorum of its witnesses co-signed.
 *
 * @param size the tree size (position) it signs
 * @param createdAt when the gateway signed it
 * @param witnesses the names of the witnesses that co-signed it
 */
public record WitnessedCheckpoint(long size, Instant createdAt, List<String> witnesses) {

	public WitnessedCheckpoint {
		witnesses = List.copyOf(witnesses);
	}

}
