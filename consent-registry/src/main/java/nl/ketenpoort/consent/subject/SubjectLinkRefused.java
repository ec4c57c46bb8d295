package nl.ketenpoort.consent.subject;

/**
 * The V-number and the BSN given together already belong to two different subjects;
 * linking them would merge two people's consents, so a person has to sort this out.
 */
public class SubjectLinkRefused extends RuntimeException {

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

}
