package nl.ketenpoort.gateway.audit.internal;

import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditTrail;
import nl.ketenpoort.gateway.audit.WitnessedCheckpoint;
import nl.ketenpoort.gateway.audit.internal.AuditCheckpoints.Checkpoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The witnesses of the audit log (C2SP tlog-witness): each new checkpoint note goes to
 * every configured witness with a consistency proof from the size it last co-signed; what
 * comes back is kept only when the witness's own key verifies it. A checkpoint counts as
 * witnessed once the quorum co-signed it. Two things are alerts, logged as errors,
 * counted, and recorded in the audit log itself: a witness that holds another root for a
 * size the gateway signed (a split view), and a cosignature its witness's key does not
 * verify (forged).
 */
@Component
public class AuditWitnesses implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(AuditWitnesses.class);

	private final JdbcClient jdbc;

	private final WitnessSettings settings;

	private final AuditCheckpoints checkpoints;

	private final AuditTrail trail;

	private final Clock clock;

	private final List<Configured> witnesses;

	private final WitnessClient client;

	private final AtomicLong splitViews = new AtomicLong();

	private final AtomicLong refusedCosignatures = new AtomicLong();

	/** One configured witness, its key parsed. */
	private record Configured(WitnessSettings.Witness settings, Cosignature.VerifierKey key) {

		String name() {
			return this.key.name();
		}

	}

	public AuditWitnesses(JdbcClient jdbc, WitnessSettings settings, AuditCheckpoints checkpoints, AuditTrail trail,
			Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.checkpoints = checkpoints;
		this.trail = trail;
		this.clock = clock;
		this.witnesses = settings.witnesses()
			.stream()
			.map((witness) -> new Configured(witness, Cosignature.VerifierKey.parse(witness.key())))
			.toList();
		this.client = new WitnessClient(HttpClient.newBuilder().connectTimeout(settings.timeout()).build(),
				settings.timeout());
	}

	/** The configured witnesses' cosignature verifier keys. */
	public List<String> verifierKeys() {
		return this.witnesses.stream().map((witness) -> witness.key().encoded()).toList();
	}

	/** How many witnesses are configured. */
	public int configured() {
		return this.witnesses.size();
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
		StringBuilder note = new StringBuilder(java.util.Objects.requireNonNull(checkpoint.note()));
		this.jdbc.sql("SELECT line FROM audit_cosignature WHERE position = ? ORDER BY witness")
			.param(checkpoint.position())
			.query(String.class)
			.list()
			.forEach(note::append);
		return note.toString();
	}

	/** The latest checkpoint that the quorum of the configured witnesses co-signed. */
	public Optional<WitnessedCheckpoint> lastWitnessed() {
		if (this.witnesses.isEmpty()) {
			return Optional.empty();
		}
		List<String> names = this.witnesses.stream().map(Configured::name).toList();
		return this.jdbc
			.sql("SELECT c.position, c.created_at, array_agg(s.witness ORDER BY s.witness) FROM audit_checkpoint c"
					+ " JOIN audit_cosignature s ON s.position = c.position WHERE s.witness = ANY(?)"
					+ " GROUP BY c.position, c.created_at HAVING count(*) >= ? ORDER BY c.position DESC LIMIT 1")
			.params(names.toArray(String[]::new), quorum())
			.query((rs, row) -> new WitnessedCheckpoint(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					List.of((String[]) rs.getArray(3).getArray())))
			.optional();
	}

	@Scheduled(fixedDelayString = "${ketenpoort.audit.witnessing.interval:10s}", initialDelayString = "10s")
	void witnessIfDue() {
		try {
			witnessLatest();
		}
		catch (RuntimeException ex) {
			log.warn("Audit checkpoints could not be sent to the witnesses this round; retrying on the next", ex);
		}
	}

	/**
	 * Sends the latest checkpoint note to every witness that has not co-signed it yet.
	 * @return how many witnesses co-signed it in this round
	 */
	public int witnessLatest() {
		Optional<Checkpoint> latest = this.checkpoints.latest().filter((checkpoint) -> checkpoint.note() != null);
		if (latest.isEmpty()) {
			return 0;
		}
		int cosigned = 0;
		for (Configured witness : this.witnesses) {
			long last = lastCosigned(witness);
			if (last < latest.get().position() && submit(witness, last, latest.get(), true)) {
				cosigned++;
			}
		}
		return cosigned;
	}

	private boolean submit(Configured witness, long oldSize, Checkpoint checkpoint, boolean mayRetry) {
		long size = checkpoint.position();
		WitnessClient.Result result;
		try {
			List<byte[]> proof = (oldSize == 0) ? List.of()
					: AuditTreeNodes.withSubtrees(this.jdbc, (tree) -> AuditTree.consistencyProof(tree, oldSize, size));
			result = this.client.addCheckpoint(witness.settings().url(), oldSize, proof,
					java.util.Objects.requireNonNull(checkpoint.note()));
		}
		catch (WitnessClient.WitnessUnreachable ex) {
			log.warn("Audit witness {} did not answer; the checkpoint at {} waits for it", witness.name(), size);
			return false;
		}
		catch (AuditTree.ProofOutOfRange ex) {
			log.warn("No consistency proof from {} to {} for audit witness {}", oldSize, size, witness.name());
			return false;
		}
		if (result instanceof WitnessClient.Cosigned cosigned) {
			return keep(witness, checkpoint, cosigned.signatures());
		}
		if (result instanceof WitnessClient.Conflict conflict) {
			if (conflict.knownSize() > size) {
				// it co-signed a larger tree than the gateway's latest: a view the
				// gateway
				// never signed, or a cut-off end
				splitView(witness, conflict.knownSize());
				return false;
			}
			if (mayRetry) {
				return submit(witness, conflict.knownSize(), checkpoint, false);
			}
			log.warn("Audit witness {} keeps answering another size ({}) for the checkpoint at {}", witness.name(),
					conflict.knownSize(), size);
			return false;
		}
		if (result instanceof WitnessClient.SplitView) {
			splitView(witness, size);
			return false;
		}
		WitnessClient.Refused refused = (WitnessClient.Refused) result;
		log.warn("Audit witness {} refused the checkpoint at {} with status {}", witness.name(), size,
				refused.status());
		return false;
	}

	/** Keeps the witness's cosignature when its key verifies it; an alert otherwise. */
	private boolean keep(Configured witness, Checkpoint checkpoint, List<SignedNote.Line> lines) {
		SignedNote.Note signed = SignedNote.parse(checkpoint.note());
		List<SignedNote.Line> all = new ArrayList<>(signed.signatures());
		List<SignedNote.Line> theirs = lines.stream()
			.filter((line) -> line.keyName().equals(witness.name()) && line.keyId() == witness.key().keyId())
			.toList();
		all.addAll(theirs);
		SignedNote.Note note = new SignedNote.Note(signed.text(), all);
		Cosignature.Result checked = Cosignature.check(note, witness.key());
		if (checked.status() != Cosignature.Status.VALID || checked.time() == null) {
			this.refusedCosignatures.incrementAndGet();
			log.error("Audit witness {} answered a cosignature of the checkpoint at {} that its key does not verify;"
					+ " it is not kept", witness.name(), checkpoint.position());
			record(AuditEventType.AUDIT_COSIGNATURE_REFUSED, witness, "cosignature-does-not-verify");
			return false;
		}
		for (SignedNote.Line line : theirs) {
			this.jdbc
				.sql("INSERT INTO audit_cosignature (position, witness, line, signed_at, received_at)"
						+ " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(checkpoint.position(), witness.name(), line.encoded(), Timestamp.from(checked.time()),
						Timestamp.from(this.clock.instant()))
				.update();
		}
		return true;
	}

	private void splitView(Configured witness, long size) {
		this.splitViews.incrementAndGet();
		log.error(
				"SPLIT VIEW: audit witness {} holds another tree than the gateway signed at size {}: two views of"
						+ " the audit log exist; compare its checkpoint with GET /api/v1/audit/checkpoints",
				witness.name(), size);
		record(AuditEventType.AUDIT_SPLIT_VIEW, witness, "witness-holds-another-root");
	}

	private void record(AuditEventType type, Configured witness, String reason) {
		this.trail.appendIndependently(AuditEvent.of(type, AuditOutcome.FAILED, AuditActor.SYSTEM)
			.reason(reason)
			.route(null, witness.settings().partner())
			.build());
	}

	private long lastCosigned(Configured witness) {
		return this.jdbc.sql("SELECT coalesce(max(position), 0) FROM audit_cosignature WHERE witness = ?")
			.param(witness.name())
			.query(Long.class)
			.single();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("ketenpoort.audit.witness.split.views", this.splitViews, AtomicLong::doubleValue)
			.description("Witnesses that held another tree root for a size the gateway signed (split views)")
			.register(registry);
		FunctionCounter
			.builder("ketenpoort.audit.witness.cosignatures.refused", this.refusedCosignatures, AtomicLong::doubleValue)
			.description("Cosignatures a witness answered that its configured key does not verify")
			.register(registry);
	}

}
