package nl.ketenpoort.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A verification of the audit chain that a privacy officer started, running in the
 * background or finished.
 *
 * @param id the job's id, in its status URL
 * @param organisation the organisation whose officer started it; only its officers see it
 * @param state running, done or failed
 * @param checked chain positions verified so far
 * @param total the head of the chain when the job started (events appended since are
 * verified too, so {@code checked} can pass it)
 * @param startedAt when it was started
 * @param finishedAt when it finished, if it did
 * @param result the outcome, once done
 * @param failure a bounded code when it failed: {@code VERIFY_FAILED} (an error, see the
 * log), {@code INTERRUPTED} (its node shut down) or {@code ABANDONED} (its node stopped
 * answering)
 */
public record VerifyJob(UUID id, String organisation, State state, long checked, long total, Instant startedAt,
		@Nullable Instant finishedAt, @Nullable ChainVerification result, @Nullable String failure) {

	/** Where a job is. */
	public enum State {

		/** Verifying (or waiting for a free verifier). */
		RUNNING,

		/** Finished; the result says whether the chain is intact. */
		DONE,

		/** Could not finish; {@code failure} says why. */
		FAILED;

		/** The word in the API and the database. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Whether it still runs. */
	public boolean running() {
		return this.state == State.RUNNING;
	}

	/**
	 * The job as the API shows it: progress, and once done the fields the synchronous
	 * verify answered with before ({@code intact}, {@code checked}, {@code checkpoints},
	 * {@code pruned}; {@code firstBadPosition} and {@code kind} when broken) under
	 * {@code result}.
	 */
	public Map<String, Object> view() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", this.id);
		view.put("state", this.state.code());
		view.put("checked", this.checked);
		view.put("total", this.total);
		view.put("startedAt", this.startedAt.toString());
		if (this.finishedAt != null) {
			view.put("finishedAt", this.finishedAt.toString());
		}
		if (this.result != null) {
			view.put("result", resultView(this.result));
		}
		if (this.failure != null) {
			view.put("failure", this.failure);
		}
		return view;
	}

	/** The fields of a verification's outcome. */
	static Map<String, Object> resultView(ChainVerification result) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("intact", result.intact());
		view.put("checked", result.checked());
		view.put("checkpoints", result.checkpoints());
		view.put("pruned", result.pruned());
		if (!result.intact()) {
			view.put("firstBadPosition", result.firstBadPosition());
			view.put("kind", (result.kind() != null) ? result.kind().name().toLowerCase(Locale.ROOT) : null);
		}
		return view;
	}

}
