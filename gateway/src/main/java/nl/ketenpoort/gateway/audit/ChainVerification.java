package nl.ketenpoort.gateway.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying (part of) the audit chain.
 *
 * @param checked number of events examined
 * @param checkpoints number of signed checkpoints whose signature and head were confirmed
 * @param firstBadPosition where the first break is, or {@code null} when intact
 * @param kind what kind of break it is, or {@code null} when intact
 * @param pruned number of events in the range that retention pruned under a confirmed,
 * signed pruning statement (linked through, not recomputed)
 */
public record ChainVerification(long checked, long checkpoints, @Nullable Long firstBadPosition,
		@Nullable ChainBreak kind, long pruned) {

	public boolean intact() {
		return this.firstBadPosition == null;
	}

	public static ChainVerification broken(long checked, long checkpoints, long position, ChainBreak kind) {
		return new ChainVerification(checked, checkpoints, position, kind, 0);
	}

	public ChainVerification withPruned(long pruned) {
		return new ChainVerification(this.checked, this.checkpoints, this.firstBadPosition, this.kind, pruned);
	}

}
