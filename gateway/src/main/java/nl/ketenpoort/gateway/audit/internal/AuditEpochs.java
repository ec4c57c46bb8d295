package nl.ketenpoort.gateway.audit.internal;

import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.audit.AuditActor;
import nl.ketenpoort.gateway.audit.AuditCatalogue;
import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditEventType;
import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditOutcome;
import nl.ketenpoort.gateway.audit.AuditRecord;

/**
 * The boundary between two canonical forms of the chain: an {@code audit-epoch} event,
 * the first of the new form, that names the position and hash of the last event of the
 * previous form and carries the audit key's signature over them. No earlier row is
 * rewritten: the rows before it keep verifying with their own form, and verification
 * accepts a change of form only at such an event.
 */
@Component
public class AuditEpochs {

	/** The JWT type of an epoch statement. */
	static final String TYPE = "ketenpoort-audit-epoch";

	private final AuditSigningKeys keys;

	public AuditEpochs(AuditSigningKeys keys) {
		this.keys = keys;
	}

	/**
	 * The epoch event that starts the current form after the event at this position.
	 * @param previousPosition the last event of the previous form
	 * @param previousHash its hash
	 * @return the event, signed
	 */
	public AuditEvent epoch(long previousPosition, String previousHash) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("typ", TYPE)
			.claim("form", AuditCatalogue.FORM)
			.claim("previous_position", previousPosition)
			.claim("previous_hash", previousHash)
			.build();
		String statement = this.keys.sign(claims).jws();
		return AuditEvent.of(AuditEventType.AUDIT_EPOCH, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.with(AuditFields.EPOCH_PREVIOUS_POSITION, previousPosition)
			.with(AuditFields.EPOCH_PREVIOUS_HASH, previousHash)
			.with(AuditFields.EPOCH_STATEMENT, statement)
			.build();
	}

	/**
	 * Whether a row may start its form here: an epoch event whose signed statement, made
	 * with an audit key, names this row's form and the position and hash of the row
	 * before it, as do its own fields.
	 * @param row the row whose form differs from the one before
	 * @return whether the change of form is the signed one
	 */
	public boolean starts(AuditRecord row) {
		if (row.event().type() != AuditEventType.AUDIT_EPOCH
				|| !(row.event().extra(AuditFields.EPOCH_STATEMENT) instanceof String statement)) {
			return false;
		}
		Optional<JWTClaimsSet> claims = keyId(statement).flatMap((kid) -> this.keys.verifiedClaims(statement, kid));
		if (claims.isEmpty()) {
			return false;
		}
		Object position = claims.get().getClaim("previous_position");
		Object hash = claims.get().getClaim("previous_hash");
		Object form = claims.get().getClaim("form");
		return TYPE.equals(claims.get().getClaim("typ")) && position instanceof Number number
				&& number.longValue() == row.position() - 1 && form instanceof Number f && f.intValue() == row.form()
				&& row.prevHash().equals(hash)
				&& Objects.equals(row.event().extra(AuditFields.EPOCH_PREVIOUS_POSITION), row.position() - 1)
				&& row.prevHash().equals(row.event().extra(AuditFields.EPOCH_PREVIOUS_HASH));
	}

	private static Optional<String> keyId(String jws) {
		try {
			return Optional.ofNullable(JWSObject.parse(jws).getHeader().getKeyID());
		}
		catch (ParseException ex) {
			return Optional.empty();
		}
	}

}
