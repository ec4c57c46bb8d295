package nl.ketenpoort.gateway.mandate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import nl.ketenpoort.gateway.problem.ProblemCode;
import nl.ketenpoort.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A mandate was not recorded or not revoked, for a bounded reason that the problem
 * document carries as {@code reason} and the audit log records; the detail never repeats
 * what was sent.
 */
public class MandateRefused extends ProblemException {

	private final String reason;

	private final @Nullable UUID existingMandate;

	private MandateRefused(ProblemCode code, String reason, String detail, @Nullable UUID existingMandate) {
		super(code, detail);
		this.reason = reason;
		this.existingMandate = existingMandate;
	}

	/** A member of the request is missing, malformed or out of range. */
	public static MandateRefused invalid(String reason, String detail) {
		return new MandateRefused(ProblemCode.INVALID_MANDATE, reason, detail, null);
	}

	/** The caller may not record or revoke mandates. */
	static MandateRefused forbidden(String reason) {
		return new MandateRefused(ProblemCode.FORBIDDEN, reason,
				"Only a case manager of an organisation records and revokes mandates.", null);
	}

	/** No status holder the registry knows has this V-number or BSN. */
	static MandateRefused unknownSubject() {
		return new MandateRefused(ProblemCode.UNKNOWN_SUBJECT, "SUBJECT_UNKNOWN",
				"No status holder with this V-number or BSN is known; a status holder is known once a consent or an"
						+ " exchange named them.",
				null);
	}

	/** The representative already acts for the status holder under an active mandate. */
	static MandateRefused overlaps(UUID existing) {
		return new MandateRefused(ProblemCode.MANDATE_OVERLAPS, "ACTIVE_MANDATE_EXISTS",
				"This representative already holds an active mandate for this status holder: revoke it first.",
				existing);
	}

	/** The mandate to revoke was already revoked or has ended. */
	static MandateRefused notActive() {
		return new MandateRefused(ProblemCode.CONFLICT, "MANDATE_NOT_ACTIVE",
				"The mandate is no longer active: it was revoked or has ended.", null);
	}

	public String reason() {
		return this.reason;
	}

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("reason", this.reason);
		if (this.existingMandate != null) {
			properties.put("existingMandate", this.existingMandate.toString());
		}
		return properties;
	}

}
