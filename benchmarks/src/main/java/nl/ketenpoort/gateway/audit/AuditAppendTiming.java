package nl.ketenpoort.gateway.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark tool: the cost of one audit append as an exchange pays it (its own
 * transaction through {@link AuditTrail#append}: chain lock, head read, hash, insert,
 * commit), measured against an empty transaction ({@code SELECT 1} and commit) in the
 * same run, from one or more threads.
 */
@Component
class AuditAppendTiming {

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	AuditAppendTiming(AuditTrail trail, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.trail = trail;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Timings of one kind of transaction.
	 *
	 * @param count transactions timed
	 * @param perSecond transactions per second over all threads
	 * @param p50Micros median latency
	 * @param p99Micros 99th percentile latency
	 */
	record Timing(int count, double perSecond, long p50Micros, long p99Micros) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%d transactions, %.0f/s, p50 %d us, p99 %d us", this.count,
					this.perSecond, this.p50Micros, this.p99Micros);
		}

	}

	/** The empty-transaction baseline. */
	Timing baseline(int count, int threads) {
		return time(count, threads, (i) -> this.transactions
			.executeWithoutResult((status) -> this.jdbc.sql("SELECT 1").query(Integer.class).single()));
	}

	/** Appends {@code count} synthetic events, one transaction each. */
	Timing appends(int count, int threads) {
		return time(count, threads, (i) -> this.transactions
			.executeWithoutResult((status) -> this.trail.append(SyntheticAuditEvents.sample(i))));
	}

	private Timing time(int count, int threads, Work work) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long[] samples = new long[count];
		long started = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					long begin = System.nanoTime();
					work.run(index);
					samples[index] = System.nanoTime() - begin;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while timing", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A timed transaction failed", ex.getCause());
		}
		finally {
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(samples);
		return new Timing(count, count / seconds, samples[(int) Math.ceil(0.50 * count) - 1] / 1000,
				samples[(int) Math.ceil(0.99 * count) - 1] / 1000);
	}

	@FunctionalInterface
	private interface Work {

		void run(int index);

	}

}
