package nl.ketenpoort.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints what a benchmark run measured: a header with date, cores and load, aligned
 * figure lines, and latency percentiles computed from recorded samples.
 */
public final class BenchmarkReport {

	private final PrintStream out;

	public BenchmarkReport() {
		this.out = System.out;
	}

	/** Prints the title with the date, the number of cores and the current load. */
	public void header(String title) {
		this.out.println();
		this.out.println("== " + title);
		this.out.println("   date " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				+ ", cores " + Runtime.getRuntime().availableProcessors() + ", " + load());
	}

	/** Prints one line of text. */
	public void line(String text) {
		this.out.println("   " + text);
	}

	/** Prints a named figure with its unit. */
	public void figure(String name, double value, String unit) {
		this.out.println(String.format(Locale.ROOT, "   %-38s %12.2f %s", name, value, unit));
	}

	/** Prints p50, p99 and max of latency samples in nanoseconds, as milliseconds. */
	public void latencies(String name, Latencies latencies) {
		this.out.println(String.format(Locale.ROOT, "   %-38s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms   (n=%d)",
				name, latencies.p50() / 1e6, latencies.p99() / 1e6, latencies.max() / 1e6, latencies.count()));
	}

	/** The system load average, as {@code uptime} shows it, or the JVM's view of it. */
	public static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return "load " + parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "load " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		}
	}

	/**
	 * Percentiles of a set of latency samples.
	 *
	 * @param count number of samples
	 * @param p50 median, nanoseconds
	 * @param p99 99th percentile, nanoseconds
	 * @param max largest sample, nanoseconds
	 */
	public record Latencies(int count, long p50, long p99, long max) {

		/** Sorts a copy of the samples and reads the percentiles (nearest rank). */
		public static Latencies of(long[] samples, int count) {
			if (count == 0) {
				return new Latencies(0, 0, 0, 0);
			}
			long[] sorted = Arrays.copyOf(samples, count);
			Arrays.sort(sorted);
			return new Latencies(count, rank(sorted, 0.50), rank(sorted, 0.99), sorted[count - 1]);
		}

		private static long rank(long[] sorted, double quantile) {
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

}
