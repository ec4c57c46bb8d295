package nl.ketenpoort.gateway.audit.internal;

import java.util.UUID;

/**
 * What stays of a run of consecutive events that retention pruned: the hashes at both
 * ends, so that the next surviving event still links to it.
 *
 * @param firstPosition first pruned position
 * @param lastPosition last pruned position
 * @param prevHash the hash the first pruned event linked to
 * @param hash the hash of the last pruned event
 * @param pruningId the signed pruning statement that covers this range
 */
public record PrunedRange(long firstPosition, long lastPosition, String prevHash, String hash, UUID pruningId) {

	public long eventCount() {
		return this.lastPosition - this.firstPosition + 1;
	}

	public boolean contains(long position) {
		return position >= this.firstPosition && position <= this.lastPosition;
	}

}
