package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * Counts refused requests per client address (by its pseudonym) in windows of one summary
 * interval, in this node's memory: refusals without credentials are only counted;
 * refusals with credentials are audited one by one up to a limit per window, and counted
 * beyond it. A window is summarised once its interval has passed. With several gateway
 * nodes each node counts its own requests, so an address is summarised at most once per
 * interval per node.
 */
final class RefusalWindows {

	/** The reason code of a summary of refusals without credentials. */
	static final String NO_CREDENTIALS = RefusalReason.NO_CREDENTIALS.name();

	/** The reason code of a summary of refusals beyond the per-address limit. */
	static final String TOO_MANY_REFUSALS = RefusalReason.TOO_MANY_REFUSALS.name();

	/** The address key under which addresses beyond the tracked number are counted. */
	static final String OTHER_ADDRESSES = "other-addresses";

	private final RefusalSettings settings;

	private final Clock clock;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	RefusalWindows(RefusalSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** Counts a refusal without credentials. */
	void countWithoutCredentials(String address) {
		this.windows.compute(key(address), (key, window) -> {
			Window counted = (window != null) ? window : new Window(this.clock.instant());
			counted.withoutCredentials++;
			return counted;
		});
	}

	/**
	 * Counts a refusal with credentials.
	 * @return whether it is to be audited on its own; otherwise it was counted into the
	 * window's summary
	 */
	boolean admitWithCredentials(String address) {
		boolean[] admitted = new boolean[1];
		this.windows.compute(key(address), (key, window) -> {
			Window counted = (window != null) ? window : new Window(this.clock.instant());
			if (counted.audited < this.settings.auditedPerAddress()) {
				counted.audited++;
				admitted[0] = true;
			}
			else {
				counted.overLimit++;
			}
			return counted;
		});
		return admitted[0];
	}

	/**
	 * Takes the windows whose interval has passed at this time, as summaries to audit.
	 */
	List<Summary> due(Instant now) {
		List<Summary> due = new ArrayList<>();
		for (String key : this.windows.keySet()) {
			this.windows.computeIfPresent(key, (address, window) -> {
				if (now.isBefore(window.start.plus(this.settings.summaryInterval()))) {
					return window;
				}
				window.summaries(address).forEach(due::add);
				return null;
			});
		}
		return due;
	}

	/** Takes every window, due or not: when the node stops. */
	List<Summary> all() {
		return due(Instant.MAX);
	}

	private String key(String address) {
		if (this.windows.size() >= this.settings.addressesTracked() && !this.windows.containsKey(address)) {
			return OTHER_ADDRESSES;
		}
		return address;
	}

	/**
	 * The refusals of one address in one window, to be audited as one event.
	 *
	 * @param address the address pseudonym, or {@link #OTHER_ADDRESSES}
	 * @param reason {@link #NO_CREDENTIALS} or {@link #TOO_MANY_REFUSALS}
	 * @param count how many requests were refused
	 * @param since when the window began
	 */
	record Summary(String address, String reason, int count, Instant since) {

	}

	/** Mutated only inside the map's atomic compute methods. */
	private static final class Window {

		private final Instant start;

		private int withoutCredentials;

		private int audited;

		private int overLimit;

		Window(Instant start) {
			this.start = start;
		}

		List<Summary> summaries(String address) {
			List<Summary> summaries = new ArrayList<>(2);
			if (this.withoutCredentials > 0) {
				summaries.add(new Summary(address, NO_CREDENTIALS, this.withoutCredentials, this.start));
			}
			if (this.overLimit > 0) {
				summaries.add(new Summary(address, TOO_MANY_REFUSALS, this.overLimit, this.start));
			}
			return summaries;
		}

	}

}
