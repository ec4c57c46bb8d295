package nl.ketenpoort.gateway.audit.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The witnesses that co-sign the audit log's checkpoints (C2SP tlog-witness), run by the
 * other organisations of the line with {@code witness serve}.
 *
 * @param witnesses each witness: where it takes checkpoints and the key its cosignatures
 * verify with
 * @param quorum how many of them must co-sign before a checkpoint counts as witnessed; 0
 * means all of them
 * @param timeout how long one witness may take to answer
 */
@ConfigurationProperties("ketenpoort.audit.witnessing")
public record WitnessSettings(@DefaultValue List<Witness> witnesses, @DefaultValue("0") int quorum,
		@DefaultValue("10s") Duration timeout) {

	/**
	 * One witness.
	 *
	 * @param url its base URL; checkpoints go to {@code <url>/add-checkpoint}
	 * @param key its cosignature verifier key,
	 * {@code <name>+<key id>+base64(0x04 || key)}
	 * @param partner the partner organisation that runs it, named in the audit events
	 * about it; may be left out
	 */
	public record Witness(URI url, String key, @Nullable String partner) {
	}

	/** How many cosignatures make a checkpoint witnessed. */
	public int required() {
		return (this.quorum <= 0) ? this.witnesses.size() : Math.min(this.quorum, this.witnesses.size());
	}

}
