package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import nl.ketenpoort.keys.Digests;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import nl.ketenpoort.gateway.audit.internal.AuditChainer;
import nl.ketenpoort.gateway.audit.internal.AuditEpochs;
import nl.ketenpoort.gateway.audit.internal.AuditRows;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * Makes synthetic audit events for benchmarks and demos: realistic exchange and consent
 * events about made-up pseudonymous subjects (never derived from an identifier), chained
 * exactly like {@link AuditTrail} chains them and written with {@code COPY} in large
 * batches, each batch under the chain lock.
 * <p>
 * A benchmark tool: it lives in the benchmarks module, never in the product jar, and in
 * the audit package because it hashes and writes links with the audit log's own
 * package-private rules.
 */
@Component
class SyntheticAuditEvents {

	private static final Duration SPAN = Duration.ofDays(365);

	private static final List<Route> ROUTES = List.of(
			new Route("tvs", "coa", "raak", "client-profile", "handover-coa-municipality",
					List.of("subject", "languages", "education", "workExperience", "practical")),
			new Route("tvs", "coa", "vvs", "client-profile", "social-guidance-vwn",
					List.of("subject", "languages", "family", "practical")),
			new Route("tvs", "coa", "taalschool-a", "nt2-learner-profile", "language-course-placement",
					List.of("subject", "languages", "education")),
			new Route("raak", "amsterdam", "vvs", "trajectory-plan", "social-guidance-vwn",
					List.of("subject", "goals", "steps")));

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditEpochs epochs;

	SyntheticAuditEvents(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			Clock clock, AuditEpochs epochs) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.epochs = epochs;
	}

	/** What one run appended. */
	record Generated(long count, long firstPosition, long lastPosition) {
	}

	private record Route(String sender, String organisation, String recipient, String documentType, String purpose,
			List<String> fieldNames) {
	}

	/**
	 * Appends {@code count} events about {@code subjects} subjects in batches of
	 * {@code batchSize}, reporting progress after each batch.
	 */
	Generated append(long count, long subjects, int batchSize, LongConsumer progress) {
		SplittableRandom random = new SplittableRandom();
		Instant end = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long stepMicros = Math.max(1, SPAN.toNanos() / 1000 / Math.max(1, count));
		Instant start = end.minus(stepMicros * count, ChronoUnit.MICROS);
		long first = -1;
		long last = -1;
		long done = 0;
		while (done < count) {
			int size = (int) Math.min(batchSize, count - done);
			long offset = done;
			long[] positions = this.transactions
				.execute((status) -> appendBatch(size, offset, subjects, start, stepMicros, random));
			if (first < 0) {
				first = positions[0];
			}
			last = positions[1];
			done += size;
			progress.accept(done);
		}
		return new Generated(done, first, last);
	}

	private long[] appendBatch(int size, long offset, long subjects, Instant start, long stepMicros,
			SplittableRandom random) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(AuditChainer.CHAIN_LOCK).query().singleRow();
		var head = this.jdbc.sql("SELECT position, hash, form FROM audit_event ORDER BY position DESC LIMIT 1")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3) })
			.optional();
		long position = head.map((h) -> (long) h[0]).orElse(0L);
		String prevHash = head.map((h) -> (String) h[1]).orElse(AuditRecord.GENESIS);
		if (head.isPresent() && (int) head.get()[2] < AuditCatalogue.FORM) {
			// A chain of form 1 continues in form 2 only after the signed epoch event.
			AuditRecord epoch = AuditRecord.hashed(position + 1, UUID.randomUUID(),
					this.clock.instant().truncatedTo(ChronoUnit.MICROS), hex(random, 8),
					this.epochs.epoch(position, prevHash), prevHash);
			AuditRows.insert(this.jdbc, epoch);
			position = epoch.position();
			prevHash = epoch.hash();
		}
		long firstPosition = position + 1;
		StringBuilder csv = new StringBuilder(size * 900);
		for (int i = 0; i < size; i++) {
			position++;
			Instant recordedAt = start.plus((offset + i) * stepMicros, ChronoUnit.MICROS);
			AuditEvent event = event(random, subjects);
			UUID eventId = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
					(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
			String operationId = hex(random, 8);
			AuditRecord record = AuditRecord.hashed(position, eventId, recordedAt, operationId, event, prevHash);
			row(csv, record);
			prevHash = record.hash();
		}
		copy(csv.toString());
		return new long[] { firstPosition, position };
	}

	static AuditEvent event(SplittableRandom random, long subjects) {
		Route route = ROUTES.get(random.nextInt(ROUTES.size()));
		String subject = subjectRef(random.nextLong(subjects));
		AuditTrace trace = new AuditTrace(hex(random, 16), null, null, null);
		int kind = random.nextInt(10);
		AuditEventType type = (kind < 4) ? AuditEventType.ACCEPTED : (kind < 8) ? AuditEventType.DELIVERED
				: (kind == 8) ? AuditEventType.REFUSED : AuditEventType.CONSENT_GRANTED;
		AuditActor actor = (type == AuditEventType.DELIVERED) ? AuditActor.SYSTEM
				: (type == AuditEventType.CONSENT_GRANTED) ? AuditActor.person(hex(random, 8), "status-holder", null)
						: AuditActor.partner(route.sender(), route.organisation());
		AuditEvent.Builder builder = AuditEvent
			.of(type, (type == AuditEventType.REFUSED) ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS, actor)
			.purpose(route.purpose(), "gdpr-6-1-a")
			.subject(subject)
			.route(route.sender(), route.recipient())
			.trace(trace);
		if (type == AuditEventType.REFUSED) {
			return builder.reason("NO_CONSENT").document(route.documentType(), null).build();
		}
		UUID consentId = new UUID(random.nextLong(), random.nextLong());
		if (type == AuditEventType.CONSENT_GRANTED) {
			return builder.consent(consentId).build();
		}
		return builder.consent(consentId)
			.document(route.documentType(), new UUID(random.nextLong(), random.nextLong()))
			.payload(route.fieldNames(), hex(random, 32))
			.partnerStatus((type == AuditEventType.DELIVERED) ? 202 : null)
			.build();
	}

	/** One synthetic event of the kind an accepted exchange records. */
	static AuditEvent sample(long n) {
		SplittableRandom random = new SplittableRandom(n);
		Route route = ROUTES.get(0);
		return AuditEvent
			.of(AuditEventType.ACCEPTED, AuditOutcome.SUCCESS, AuditActor.partner(route.sender(), route.organisation()))
			.purpose(route.purpose(), "gdpr-6-1-a")
			.consent(new UUID(random.nextLong(), random.nextLong()))
			.subject(subjectRef(n))
			.route(route.sender(), route.recipient())
			.document(route.documentType(), new UUID(random.nextLong(), random.nextLong()))
			.payload(route.fieldNames(), hex(random, 32))
			.build();
	}

	/**
	 * The pseudonym of synthetic subject {@code n}: shaped like the registry's
	 * ({@code vnr_} + 43 base64url characters), derived from a counter, not an
	 * identifier.
	 */
	static String subjectRef(long n) {
		return "vnr_"
				+ Digests.sha256Base64Url(("ketenpoort-synthetic-subject-" + n).getBytes(StandardCharsets.US_ASCII));
	}

	private static String hex(SplittableRandom random, int bytes) {
		byte[] buffer = new byte[bytes];
		random.nextBytes(buffer);
		return HexFormat.of().formatHex(buffer);
	}

	private static void row(StringBuilder csv, AuditRecord record) {
		Object[] values = new Object[AuditFields.ALL.size()];
		for (int i = 0; i < values.length; i++) {
			Object value = AuditFields.ALL.get(i).of(record);
			values[i] = (value instanceof List<?> list)
					? "\"{" + String.join(",", list.stream().map(String::valueOf).toList()) + "}\"" : value;
		}
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			@Nullable Object value = values[i];
			if (value != null) {
				csv.append(value);
			}
		}
		csv.append('\n');
	}

	private void copy(String csv) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY audit_event (" + AuditRows.COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
						new StringReader(csv));
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("COPY into audit_event failed", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
