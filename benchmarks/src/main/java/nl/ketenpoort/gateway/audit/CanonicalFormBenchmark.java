package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import nl.ketenpoort.benchmarks.report.BenchmarkReport;

/**
 * What verification does per event, in each canonical form: recompute the row's hash from
 * the row as read (its record and its column values) and compare it with the stored one,
 * for the same 10,000 synthetic events (the generator of {@code audit generate}) hashed
 * once in form 1 and once in form 2. Form 1 is the baseline: the two alternate round by
 * round in one JVM (JMH would run all of one before the other, and this machine's load
 * moves in between), and the report gives each form's median events/s and the median of
 * the per-pair ratios, with the load average.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/ketenpoort-benchmarks.jar nl.ketenpoort.gateway.audit.CanonicalFormBenchmark [pairs]}.
 */
public final class CanonicalFormBenchmark {

	private static final int EVENTS = 10_000;

	private static final int WARM_UP_PAIRS = 10;

	private final List<AuditCatalogue.Read> formOne = new ArrayList<>(EVENTS);

	private final List<AuditCatalogue.Read> formTwo = new ArrayList<>(EVENTS);

	public static void main(String[] args) {
		int pairs = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		CanonicalFormBenchmark benchmark = new CanonicalFormBenchmark();
		benchmark.setUp();
		String loadBefore = BenchmarkReport.load();
		for (int i = 0; i < WARM_UP_PAIRS; i++) {
			benchmark.round(benchmark.formOne);
			benchmark.round(benchmark.formTwo);
		}
		double[] one = new double[pairs];
		double[] two = new double[pairs];
		double[] ratio = new double[pairs];
		for (int i = 0; i < pairs; i++) {
			// Alternate which form goes first, so neither always runs on a warmer cache.
			if (i % 2 == 0) {
				one[i] = benchmark.round(benchmark.formOne);
				two[i] = benchmark.round(benchmark.formTwo);
			}
			else {
				two[i] = benchmark.round(benchmark.formTwo);
				one[i] = benchmark.round(benchmark.formOne);
			}
			ratio[i] = two[i] / one[i];
		}
		BenchmarkReport report = new BenchmarkReport();
		report.header("Canonical form 2 against form 1, " + EVENTS + " events a round, " + pairs + " pairs");
		report.figure("form 1 (baseline), median", median(one), "events/s");
		report.figure("form 2, median", median(two), "events/s");
		report.figure("form 2 / form 1, median of the pairs", median(ratio), "");
		report.line("load average before " + loadBefore + ", after " + BenchmarkReport.load());
	}

	private double round(List<AuditCatalogue.Read> rows) {
		long start = System.nanoTime();
		verified(rows);
		return rows.size() / ((System.nanoTime() - start) / 1e9);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	void setUp() {
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

	/** The record as verification reads it: with the column values it was made from. */
	private static AuditCatalogue.Read asRead(AuditRecord record) {
		return new AuditCatalogue.Read(record, AuditFields.CATALOGUE.columnsOf(record));
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
