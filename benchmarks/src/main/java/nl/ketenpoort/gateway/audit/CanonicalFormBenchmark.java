package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What verification does per event, in each canonical form: recompute the row's hash from
 * the row as read (its record and its column values) and compare it with the stored one,
 * for the same 10,000 synthetic events (the generator of {@code audit generate}) hashed
 * once in form 1 and once in form 2. Form 1 is the baseline measured in the same run; the
 * score is events per second, so {@code formTwo / formOne} is the ratio
 * {@code docs/benchmarks.md} reports.
 * <p>
 * Run:
 * {@code java -jar benchmarks/target/ketenpoort-benchmarks.jar CanonicalForm -f 1 -wi 3 -i 5 -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CanonicalFormBenchmark {

	private static final int EVENTS = 10_000;

	private final List<AuditCatalogue.Read> formOne = new ArrayList<>(EVENTS);

	private final List<AuditCatalogue.Read> formTwo = new ArrayList<>(EVENTS);

	@Setup
	public void setUp() {
		SplittableRandom random = new SplittableRandom(8785);
		Instant recordedAt = Instant.parse("2026-12-01T09:00:00Z");
		String prevOne = AuditRecord.GENESIS;
		String prevTwo = AuditRecord.GENESIS;
		for (int i = 0; i < EVENTS; i++) {
			AuditEvent event = SyntheticAuditEvents.event(random, 10_000);
			UUID eventId = new UUID(random.nextLong(), random.nextLong());
			Instant at = recordedAt.plus(i * 1_337L, ChronoUnit.MICROS);
			String operationId = "%016x".formatted(random.nextLong());
			String hashOne = AuditRecord.chainHash(prevOne,
					AuditRecord.canonicalFormV1(eventId, at, operationId, event));
			this.formOne.add(asRead(new AuditRecord(i + 1, eventId, at, operationId, event, prevOne, hashOne, 1)));
			prevOne = hashOne;
			AuditRecord two = AuditRecord.hashed(i + 1, eventId, at, operationId, event, prevTwo);
			this.formTwo.add(asRead(two));
			prevTwo = two.hash();
		}
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS)
	public int formOne() {
		return verified(this.formOne);
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS)
	public int formTwo() {
		return verified(this.formTwo);
	}

	/** The record as verification reads it: with the column values it was made from. */
	private static AuditCatalogue.Read asRead(AuditRecord record) {
		Object[] columns = AuditFields.ALL.stream().map((field) -> field.of(record)).toArray();
		return new AuditCatalogue.Read(record, columns);
	}

	private static int verified(List<AuditCatalogue.Read> rows) {
		int intact = 0;
		for (AuditCatalogue.Read row : rows) {
			if (AuditFields.CATALOGUE.recomputedHash(row).equals(row.record().hash())) {
				intact++;
			}
		}
		if (intact != rows.size()) {
			throw new IllegalStateException("A synthetic event did not verify");
		}
		return intact;
	}

}
