package nl.ketenpoort.gateway.audit.internal;

import java.util.List;

import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints.Checkpoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The witnesses of the audit log: what they co-signed, and which checkpoint counts as
 * witnessed (the configured quorum co-signed it).
 */
@Component
public class AuditWitnesses {

	private final JdbcClient jdbc;

	private final WitnessSettings settings;

	AuditWitnesses(JdbcClient jdbc, WitnessSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The configured witnesses' cosignature verifier keys. */
	public List<String> verifierKeys() {
		return this.settings.witnesses().stream().map(WitnessSettings.Witness::key).toList();
	}

	/**
	 * How many cosignatures make a checkpoint witnessed; 0 when there are no witnesses.
	 */
	public int quorum() {
		return this.settings.required();
	}

	/**
	 * The checkpoint's note with the cosignature lines the witnesses returned for it,
	 * after the gateway's own signature.
	 */
	public String cosigned(Checkpoint checkpoint) {
		StringBuilder note = new StringBuilder(checkpoint.note());
		this.jdbc.sql("SELECT line FROM audit_cosignature WHERE position = ? ORDER BY witness")
			.param(checkpoint.position())
			.query(String.class)
			.list()
			.forEach(note::append);
		return note.toString();
	}

}
