package nl.ketenpoort.consent.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.ketenpoort.schemas.IdentifierKind;
import org.jspecify.annotations.Nullable;

/**
 * The identifiers by which one exchange, consent or search names a status holder: a
 * V-number, a BSN or both, each parsed once.
 *
 * @param vNumber the V-number, if given
 * @param bsn the BSN, if given
 */
public record SubjectIdentifiers(@Nullable VNumber vNumber, @Nullable Bsn bsn) {

	public SubjectIdentifiers {
		if (vNumber == null && bsn == null) {
			throw new IdentifierInvalid(IdentifierKind.V_NUMBER, IdentifierInvalid.Reason.MISSING);
		}
	}

	/**
	 * Parses the identifiers as received; blank counts as malformed, not as absent.
	 * @param vNumber the V-number, or {@code null}
	 * @param bsn the BSN, or {@code null}
	 * @return the identifiers
	 * @throws IdentifierInvalid when one is malformed or both are absent
	 */
	public static SubjectIdentifiers parse(@Nullable String vNumber, @Nullable String bsn) {
		return new SubjectIdentifiers((vNumber != null) ? VNumber.parse(vNumber) : null,
				(bsn != null) ? Bsn.parse(bsn) : null);
	}

	/** Only a V-number. */
	public static SubjectIdentifiers of(VNumber vNumber) {
		return new SubjectIdentifiers(vNumber, null);
	}

	/** The identifier of this kind, if given. */
	public Optional<SubjectIdentifier> get(IdentifierKind kind) {
		return Optional.ofNullable((kind == IdentifierKind.V_NUMBER) ? this.vNumber : this.bsn);
	}

	/** The identifiers given, V-number first. */
	public List<SubjectIdentifier> all() {
		List<SubjectIdentifier> all = new ArrayList<>(2);
		if (this.vNumber != null) {
			all.add(this.vNumber);
		}
		if (this.bsn != null) {
			all.add(this.bsn);
		}
		return List.copyOf(all);
	}

	@Override
	public String toString() {
		return "SubjectIdentifiers[" + all().stream().map(SubjectIdentifier::kind).toList() + "]";
	}

}
