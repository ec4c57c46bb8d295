package nl.ketenpoort.gateway;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr, so that stdout keeps only the results: a line
 * every ten seconds with the position reached, the rate and the time left; on a terminal
 * the same line is redrawn in place.
 */
public final class CommandProgress implements AutoCloseable {

	private final PrintWriter err;

	private final String what;

	private final LongSupplier done;

	private final long total;

	private final boolean terminal;

	private final long started = System.nanoTime();

	private final ScheduledExecutorService ticks;

	private CommandProgress(PrintWriter err, String what, LongSupplier done, long total, Duration every,
			boolean terminal) {
		this.err = err;
		this.what = what;
		this.done = done;
		this.total = total;
		this.terminal = terminal;
		this.ticks = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "command-progress");
			thread.setDaemon(true);
			return thread;
		});
		long millis = terminal ? 1000 : every.toMillis();
		this.ticks.scheduleAtFixedRate(this::report, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts reporting on {@code err} until closed.
	 * @param what what is done, such as {@code Verified}
	 * @param done how far the work is, in units of {@code total}
	 * @param total where the work ends (0 when unknown)
	 */
	public static CommandProgress start(PrintWriter err, String what, LongSupplier done, long total) {
		return new CommandProgress(err, what, done, total, Duration.ofSeconds(10), System.console() != null);
	}

	private void report() {
		this.err.print(
				line(this.what, this.done.getAsLong(), this.total, Duration.ofNanos(System.nanoTime() - this.started)));
		this.err.print(this.terminal ? "\r" : System.lineSeparator());
		this.err.flush();
	}

	/**
	 * One progress line, such as {@code Verified 120000 of 1000000 (12000/s, 73 s left)}.
	 */
	static String line(String what, long done, long total, Duration elapsed) {
		long rate = (elapsed.toMillis() > 0) ? done * 1000 / elapsed.toMillis() : 0;
		StringBuilder line = new StringBuilder(what).append(' ').append(done);
		if (total > 0) {
			line.append(" of ").append(total);
		}
		line.append(" (").append(rate).append("/s");
		if (total > 0 && rate > 0) {
			line.append(", ").append(Math.max(0, total - done) / rate).append(" s left");
		}
		return line.append(", ").append(elapsed.toSeconds()).append(" s so far)").toString();
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
		if (this.terminal) {
			this.err.println();
		}
	}

}
