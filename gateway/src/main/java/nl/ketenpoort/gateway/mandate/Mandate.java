package nl.ketenpoort.gateway.mandate;

import java.time.Instant;
import java.util.UUID;

import nl.ketenpoort.consent.subject.SubjectRef;
import org.jspecify.annotations.Nullable;

/**
 * A recorded mandate: who may act for which status holder, on what ground, until when,
 * and which organisation holds the record.
 *
 * @param id the mandate id
 * @param representative the representative's user id
 * @param subject the represented status holder
 * @param kind the ground
 * @param evidenceReference where the holding organisation keeps the evidence (its own
 * file reference); never logged or audited
 * @param endsAt the first moment the mandate no longer holds
 * @param endsAtEighteen whether {@code endsAt} is the represented minor's 18th birthday
 * @param organisation the organisation that holds the record (the recording case
 * manager's)
 * @param recordedBy the case manager who recorded it (user id)
 * @param recordedAt when it was recorded
 * @param revokedAt when it was revoked, if it was
 * @param revokedBy who revoked it (user id), if it was
 */
public record Mandate(UUID id, UUID representative, SubjectRef subject, MandateKind kind, String evidenceReference,
		Instant endsAt, boolean endsAtEighteen, String organisation, UUID recordedBy, Instant recordedAt,
		@Nullable Instant revokedAt, @Nullable UUID revokedBy) {

	/** Where a mandate stands at a moment. */
	public enum Status {

		ACTIVE, EXPIRED, REVOKED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public Status statusAt(Instant at) {
		if (this.revokedAt != null && !at.isBefore(this.revokedAt)) {
			return Status.REVOKED;
		}
		return at.isBefore(this.endsAt) ? Status.ACTIVE : Status.EXPIRED;
	}

	/** When it stopped holding (revoked or expired), or will stop. */
	public Instant endedAt() {
		return (this.revokedAt != null && this.revokedAt.isBefore(this.endsAt)) ? this.revokedAt : this.endsAt;
	}

	@Override
	public String toString() {
		// No evidence reference and no subject in log lines.
		return "Mandate[" + this.id + " " + this.kind + "]";
	}

}
