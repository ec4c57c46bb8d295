package nl.ketenpoort.benchmarks.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import nl.ketenpoort.benchmarks.report.BenchmarkReport.Latencies;
import org.jspecify.annotations.Nullable;

/**
 * One measured phase: a fixed number of closed-loop clients send requests for a fixed
 * time (or until a request budget is used up) and record each latency and status.
 */
final class LoadPhase {

	/** Makes the request for the {@code n}-th call of one client. */
	@FunctionalInterface
	interface Requests {

		HttpRequest next(int client, long n) throws Exception;

	}

	/**
	 * What a phase measured.
	 *
	 * @param seconds how long it ran
	 * @param samples latencies (nanoseconds) of the responses with the expected status
	 * @param statuses every status seen and how often ({@code -1}: no response)
	 * @param failures up to three descriptions of unexpected answers
	 */
	record Result(double seconds, long[] samples, Map<Integer, Long> statuses, List<String> failures) {

		double perSecond() {
			return this.samples.length / this.seconds;
		}

		Latencies latencies() {
			return Latencies.of(this.samples, this.samples.length);
		}

		Result and(Result other) {
			long[] both = Arrays.copyOf(this.samples, this.samples.length + other.samples.length);
			System.arraycopy(other.samples, 0, both, this.samples.length, other.samples.length);
			Map<Integer, Long> statuses = new TreeMap<>(this.statuses);
			other.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
			List<String> failures = new ArrayList<>(this.failures);
			failures.addAll(other.failures);
			return new Result(this.seconds + other.seconds, both, statuses,
					failures.subList(0, Math.min(3, failures.size())));
		}

	}

	private LoadPhase() {
	}

	static Result run(HttpClient http, int clients, double seconds, long budget, int expectedStatus, Requests requests)
			throws InterruptedException {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		AtomicLong remaining = new AtomicLong(budget);
		List<Recorder> recorders = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			Recorder recorder = new Recorder();
			recorders.add(recorder);
			int client = c;
			Thread thread = new Thread(() -> {
				long n = 0;
				while (System.nanoTime() < deadline && remaining.decrementAndGet() >= 0) {
					int status;
					long begin = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(requests.next(client, n++),
								HttpResponse.BodyHandlers.ofString());
						status = response.statusCode();
						if (status != expectedStatus && recorder.firstFailure == null) {
							recorder.firstFailure = status + " " + response.body();
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					catch (Exception ex) {
						status = -1;
						if (recorder.firstFailure == null) {
							recorder.firstFailure = ex.toString();
						}
					}
					recorder.record(status, System.nanoTime() - begin, status == expectedStatus);
				}
			}, "load-" + c);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		Map<Integer, Long> statuses = new TreeMap<>();
		long[] all = new long[recorders.stream().mapToInt((r) -> r.count).sum()];
		int at = 0;
		for (Recorder recorder : recorders) {
			System.arraycopy(recorder.samples, 0, all, at, recorder.count);
			at += recorder.count;
			recorder.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
		}
		List<String> failures = recorders.stream()
			.map((r) -> r.firstFailure)
			.filter(Objects::nonNull)
			.map((f) -> (f.length() > 300) ? f.substring(0, 300) : f)
			.limit(3)
			.toList();
		return new Result(elapsed, all, statuses, failures);
	}

	private static final class Recorder {

		long[] samples = new long[4096];

		int count;

		final Map<Integer, Long> statuses = new TreeMap<>();

		volatile @Nullable String firstFailure;

		void record(int status, long nanos, boolean expected) {
			this.statuses.merge(status, 1L, Long::sum);
			if (expected) {
				if (this.count == this.samples.length) {
					this.samples = Arrays.copyOf(this.samples, this.count * 2);
				}
				this.samples[this.count++] = nanos;
			}
		}

	}

}
