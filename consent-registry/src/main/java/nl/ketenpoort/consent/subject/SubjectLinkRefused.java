package nl.ketenpoort.consent.subject;

import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;
import nl.ketenpoort.schemas.problem.RefusalReason;

/**
 * The V-number and the BSN given together already belong to two different subjects;
 * linking them would merge two people's consents, so a person has to sort this out.
 */
public class SubjectLinkRefused extends RuntimeException implements CodedFailure {

	private final SubjectRef byVNumber;

	private final SubjectRef byBsn;

	SubjectLinkRefused(SubjectRef byVNumber, SubjectRef byBsn) {
		super("The V-number and the BSN are already linked to different subjects");
		this.byVNumber = byVNumber;
		this.byBsn = byBsn;
	}

	public SubjectRef byVNumber() {
		return this.byVNumber;
	}

	public SubjectRef byBsn() {
		return this.byBsn;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.INVALID_SUBJECT;
	}

	/** Always {@link RefusalReason#IDENTIFIERS_CONFLICT}. */
	@Override
	public String failureReason() {
		return RefusalReason.IDENTIFIERS_CONFLICT.name();
	}

	@Override
	public String failureDetail() {
		return "The V-number and BSN given belong to different status holders.";
	}

}
