package nl.ketenpoort.gateway.audit;

import java.util.Optional;

import nl.ketenpoort.gateway.audit.internal.AuditWitnesses;

import org.springframework.stereotype.Component;

/**
 * Whether outsiders co-sign the audit log: for the console's audit page.
 */
@Component
public class AuditWitnessStatus {

	private final AuditWitnesses witnesses;

	AuditWitnessStatus(AuditWitnesses witnesses) {
		this.witnesses = witnesses;
	}

	/** How many witnesses are configured; 0 when only the gateway signs. */
	public int configured() {
		return this.witnesses.configured();
	}

	/** How many cosignatures make a checkpoint witnessed. */
	public int quorum() {
		return this.witnesses.quorum();
	}

	/** The last checkpoint the quorum co-signed. */
	public Optional<WitnessedCheckpoint> lastWitnessed() {
		return this.witnesses.lastWitnessed();
	}

}
