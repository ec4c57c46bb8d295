package nl.ketenpoort.gateway.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.ketenpoort.gateway.audit.AuditCatalogue;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.system.FaultPoints;
import nl.ketenpoort.gateway.system.FaultPoints.Point;
import nl.ketenpoort.gateway.system.TraceContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links staged audit events into the hash chain, in batches: each batch is one short
 * transaction on the chainer's own connection that takes the chain lock, appends the
 * oldest staged events after the head (the signed epoch event first when the head is of
 * an earlier canonical form), adds their leaves to the Merkle tree
 * ({@link AuditTreeNodes}) and removes them from {@code audit_staged}. Chaining and
 * removal commit together, so an event is chained exactly once whatever dies when; the
 * database refuses the removal of a staged event that the chain does not hold, and
 * {@code audit_event.event_id} is unique.
 * <p>
 * One runs on every node; the chain lock serialises them across nodes, and any node
 * chains what another staged (also what a killed node left). A local commit wakes it;
 * otherwise it looks every {@link AuditSettings#chainInterval()}.
 */
public class AuditChainer implements SmartLifecycle, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	/** Advisory lock key of the chain head ("KETENAUD"). */
	public static final long CHAIN_LOCK = 0x4b4554454e415544L;

	private static final String STAGED = "SELECT " + AuditFields.COLUMNS
			+ ", seq FROM audit_staged ORDER BY seq LIMIT ?";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final AuditEpochs epochs;

	private final FaultPoints faults;

	private final Clock clock;

	private final int batchSize;

	private final Duration interval;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private volatile @Nullable Thread worker;

	private @Nullable AutoCloseable resources;

	/**
	 * @param dataSource the chainer's own connections, apart from the request pool: a
	 * chainer waiting for the chain lock never holds a connection a request needs
	 */
	public AuditChainer(DataSource dataSource, AuditEpochs epochs, FaultPoints faults, Clock clock,
			AuditSettings settings) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.epochs = epochs;
		this.faults = faults;
		this.clock = clock;
		this.batchSize = settings.chainBatchSize();
		this.interval = settings.chainInterval();
	}

	/** Closes {@code resources} when the chainer is closed: its own pool. */
	AuditChainer closing(AutoCloseable resources) {
		this.resources = resources;
		return this;
	}

	@Override
	public void close() throws Exception {
		if (this.resources != null) {
			this.resources.close();
		}
	}

	/** Asks for a round soon: an event was staged on this node and committed. */
	public void wake() {
		if (this.wake.availablePermits() == 0) {
			this.wake.release();
		}
	}

	/**
	 * Chains every event staged so far, batch by batch, on the calling thread.
	 * @return how many events were chained (epoch events included)
	 */
	public int chainPending() {
		int chained = 0;
		int linked;
		do {
			linked = chainBatch();
			chained += linked;
		}
		while (linked > 0);
		return chained;
	}

	/**
	 * Chains up to one batch of the oldest staged events.
	 * @return how many rows were appended to the chain
	 */
	int chainBatch() {
		// Without the lock first: an idle node looks without queueing behind the others.
		if (!this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_staged)").query(Boolean.class).single()) {
			return 0;
		}
		Integer appended = this.transactions.execute((status) -> {
			Head head = this.jdbc.sql("SELECT head_position, head_hash, head_form FROM audit_lock_chain_head(?)")
				.param(CHAIN_LOCK)
				.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3)))
				.optional()
				.orElse(new Head(0, AuditRecord.GENESIS, AuditCatalogue.FORM));
			List<Staged> staged = this.jdbc.sql(STAGED)
				.param(this.batchSize)
				.query((rs, row) -> new Staged(AuditFields.read(rs),
						rs.getLong(AuditFields.CATALOGUE.fields().size() + 1)))
				.list();
			if (staged.isEmpty()) {
				return 0;
			}
			List<AuditRecord> records = new ArrayList<>(staged.size() + 1);
			long position = head.position();
			String prevHash = head.hash();
			if (head.position() > 0 && head.form() < AuditCatalogue.FORM) {
				AuditRecord epoch = AuditRecord
					.staged(UUID.randomUUID(), this.clock.instant().truncatedTo(ChronoUnit.MICROS),
							TraceContext.randomOperationId(), traced(this.epochs.epoch(head.position(), head.hash())))
					.chainedAt(++position, prevHash);
				records.add(epoch);
				prevHash = epoch.hash();
			}
			for (Staged event : staged) {
				AuditRecord record = event.record().chainedAt(++position, prevHash);
				records.add(record);
				prevHash = record.hash();
			}
			this.batch.batchUpdate(AuditFields.CATALOGUE.insert(),
					records.stream().map(AuditFields::parameters).toList());
			AuditTreeNodes.extend(this.jdbc, records.size() + AuditTreeNodes.CATCH_UP);
			this.faults.reached(Point.AUDIT_CHAIN_MID_BATCH);
			this.jdbc.sql("DELETE FROM audit_staged WHERE seq = ANY(?)")
				.param(staged.stream().map(Staged::seq).toArray(Long[]::new))
				.update();
			return records.size();
		});
		int count = (appended != null) ? appended : 0;
		if (count > 0) {
			this.faults.reached(Point.AUDIT_CHAIN_COMMITTED);
		}
		return count;
	}

	private static AuditEvent traced(AuditEvent event) {
		return event.toBuilder().trace(new AuditTrace(TraceContext.randomTraceId(), null, null, null)).build();
	}

	private void run() {
		while (this.running) {
			try {
				this.wake.tryAcquire(this.interval.toMillis(), TimeUnit.MILLISECONDS);
				this.wake.drainPermits();
				chainPending();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The staged events stay where they are; this node or another chains them
				// on a later round.
				log.warn("Chaining staged audit events failed, retrying: {}", ex.toString());
				sleepQuietly(this.interval.multipliedBy(5));
			}
		}
	}

	private void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "audit-chainer");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			// Woken rather than interrupted: an interrupt in the middle of a statement
			// would leave its connection in doubt.
			this.wake.release();
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			// What this node's last requests staged, so that a clean stop leaves nothing
			// for the next node to pick up.
			chainPending();
		}
		catch (RuntimeException ex) {
			log.warn("Chaining the last staged audit events at shutdown failed; the next node chains them: {}",
					ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Early in, late out: it starts before the web server takes requests and stops after
	 * the web server and the deliveries stopped, so that their last events get chained.
	 */
	@Override
	public int getPhase() {
		return -100;
	}

	private record Head(long position, String hash, int form) {
	}

	private record Staged(AuditRecord record, long seq) {
	}

}
