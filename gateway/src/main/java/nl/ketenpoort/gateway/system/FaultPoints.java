package nl.ketenpoort.gateway.system;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * The places where a crash must lose nothing, named, so that a test can stop a gateway
 * node exactly there and kill it ({@code SIGKILL}): with the {@code test} profile and
 * {@code ketenpoort.faults.halt-at=<point>}, the first thread that reaches the point
 * prints {@value #MARKER} and the point's name on standard output and waits for ever,
 * holding whatever it holds (a transaction, the chain lock). Without the {@code test}
 * profile the setting refuses to start the gateway, so no other deployment can arm it.
 */
@Component
public class FaultPoints {

	/** What a halted node prints, followed by the point's name. */
	public static final String MARKER = "KETENPOORT FAULT POINT REACHED: ";

	private static final Logger log = LoggerFactory.getLogger(FaultPoints.class);

	/** The named places. */
	public enum Point {

		/** The change and its staged audit event committed; the 202 not yet sent. */
		AUDIT_STAGED_COMMITTED,

		/**
		 * A batch of staged events inserted into the chain, its transaction not
		 * committed.
		 */
		AUDIT_CHAIN_MID_BATCH,

		/** A batch committed into the chain, nothing after it done yet. */
		AUDIT_CHAIN_COMMITTED,

		/** A checkpoint being signed, not yet stored. */
		AUDIT_CHECKPOINT_SIGNING;

		String setting() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private final @Nullable Point haltAt;

	FaultPoints(Environment environment) {
		String setting = environment.getProperty("ketenpoort.faults.halt-at");
		if (setting == null || setting.isBlank()) {
			this.haltAt = null;
			return;
		}
		if (!environment.acceptsProfiles(Profiles.of("test"))) {
			throw new Refused("ketenpoort.faults.halt-at arms a fault point for the tests;"
					+ " it is refused outside the test profile");
		}
		this.haltAt = java.util.Arrays.stream(Point.values())
			.filter((point) -> point.setting().equals(setting.trim()) || point.name().equals(setting.trim()))
			.findFirst()
			.orElseThrow(() -> new Refused("Unknown fault point " + setting));
		log.warn("Fault point {} is armed: this node halts when it gets there", this.haltAt.setting());
	}

	/** None armed: for the parts of the gateway that tests wire by hand. */
	public static FaultPoints none() {
		return new FaultPoints(new StandardEnvironment());
	}

	/**
	 * Marks that the calling thread got to {@code point}; halts there when it is armed.
	 */
	public void reached(Point point) {
		if (point != this.haltAt) {
			return;
		}
		synchronized (FaultPoints.class) {
			// The console log is the node's standard output, which the test reads.
			log.error(MARKER + point.setting());
			while (true) {
				try {
					FaultPoints.class.wait();
				}
				catch (InterruptedException ex) {
					// Halted means halted: only SIGKILL ends this node.
				}
			}
		}
	}

	/** A fault point armed where it may not be, or one that does not exist. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
