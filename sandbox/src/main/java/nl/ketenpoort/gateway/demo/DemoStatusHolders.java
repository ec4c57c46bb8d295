package nl.ketenpoort.gateway.demo;

import java.util.List;

import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

/**
 * Who the demo is about: fictional status holders with different languages of origin,
 * what each consented to and how, and which documents the sandbox partners submit about
 * them. Everything here is invented; the documents are the schema examples.
 */
final class DemoStatusHolders {

	private DemoStatusHolders() {
	}

	/** How a demo consent was collected. */
	enum Method {

		/** By the status holder in the portal. */
		PORTAL,

		/** By the COA case manager from a signed paper form. */
		PAPER,

		/** By the COA case manager, the text explained by an interpreter. */
		INTERPRETER

	}

	/**
	 * One consent of a demo status holder.
	 *
	 * @param purpose the purpose code
	 * @param from the sender
	 * @param to the recipient
	 * @param type the document type
	 * @param method how it was collected
	 * @param revoked whether the status holder withdraws it again
	 */
	record Grant(String purpose, String from, String to, DocumentType type, Method method, boolean revoked) {

	}

	/**
	 * One document a sandbox partner submits about the status holder.
	 *
	 * @param sender the partner that submits
	 * @param recipient the partner it is for
	 * @param type the document type
	 * @param purpose the purpose it is sent for
	 * @param example the schema example it is made from
	 */
	record Document(String sender, String recipient, DocumentType type, String purpose, String example) {

	}

	/**
	 * A fictional status holder.
	 *
	 * @param displayName the name the sandbox shows
	 * @param language the language of origin (consent texts are read in it)
	 * @param country the country or region of origin
	 * @param username the demo login linked to them, if any
	 * @param bsn their fictional BSN (it passes the 11-test): the sandbox partners send
	 * it with the V-number, so that an accepted document joins it to the record, and the
	 * demo's DigiD broker signs them in with it
	 * @param grants their consents, in the order given
	 * @param documents what the partners submit about them, after the consents
	 */
	record Holder(String displayName, String language, String country, @Nullable String username, @Nullable String bsn,
			List<Grant> grants, List<Document> documents) {

	}

	/**
	 * The demo's status holders:
	 * <ul>
	 * <li>Amira (Syria, Arabic) consents in the portal to the handover to the
	 * municipality, the handover notice back, the NT2 profile for the opstartklas and the
	 * trajectory plan for VluchtelingenWerk;</li>
	 * <li>Yonas (Eritrea, Tigrinya) consented with an interpreter to VluchtelingenWerk
	 * receiving his client profile; the walkthrough follows him through the rest;</li>
	 * <li>Farid (Afghanistan, Farsi) signed paper forms for the opstartklas report to
	 * language school A and the handover notice;</li>
	 * <li>Tenzin (Tibet, Tibetan) consented with an interpreter to the opstartklas report
	 * for language school B (files), and withdrew the handover to the municipality;</li>
	 * <li>Elif (Turkey, Turkish) has given no consent: TVS's attempt is refused.</li>
	 * </ul>
	 */
	static final List<Holder> ALL = List.of(
			new Holder("Amira Al-Khatib", "ar", "SY", "amira", "999993008", List.of(
					grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"), Method.PORTAL),
					grant("handover-notice", "raak", "tvs", DocumentType.of("handover-notice"), Method.PORTAL),
					grant("language-course-placement", "tvs", "opstartklas", DocumentType.of("nt2-learner-profile"),
							Method.PORTAL),
					grant("social-guidance-vwn", "raak", "vvs", DocumentType.of("trajectory-plan"), Method.PORTAL)),
					List.of(new Document("tvs", "raak", DocumentType.of("client-profile"), "handover-coa-municipality",
							"amira-al-khatib-syria.json"),
							new Document("tvs", "opstartklas", DocumentType.of("nt2-learner-profile"),
									"language-course-placement", "amira-al-khatib-syria.json"),
							new Document("raak", "vvs", DocumentType.of("trajectory-plan"), "social-guidance-vwn",
									"amira-al-khatib-syria.json"))),
			new Holder("Yonas Gebremedhin", "ti", "ER", "yonas", "999993021",
					List.of(grant("social-guidance-vwn", "tvs", "vvs", DocumentType.of("client-profile"),
							Method.INTERPRETER)),
					List.of(new Document("tvs", "vvs", DocumentType.of("client-profile"), "social-guidance-vwn",
							"yonas-gebremedhin-eritrea.json"))),
			new Holder("Farid Rahimi", "fa", "AF", null, "999993033",
					List.of(grant("language-course-placement", "opstartklas", "taalschool-a",
							DocumentType.of("opstartklas-report"), Method.PAPER),
							grant("handover-notice", "raak", "tvs", DocumentType.of("handover-notice"), Method.PAPER)),
					List.of(new Document("opstartklas", "taalschool-a", DocumentType.of("opstartklas-report"),
							"language-course-placement", "farid-rahimi-afghanistan.json"),
							new Document("raak", "tvs", DocumentType.of("handover-notice"), "handover-notice",
									"farid-rahimi-afghanistan.json"))),
			new Holder("Tenzin Dolma", "bo", "Tibet", null, "999993045",
					List.of(grant("language-course-placement", "opstartklas", "taalschool-b",
							DocumentType.of("opstartklas-report"), Method.INTERPRETER),
							new Grant("handover-coa-municipality", "tvs", "raak", DocumentType.of("client-profile"),
									Method.INTERPRETER, true)),
					List.of(new Document("opstartklas", "taalschool-b", DocumentType.of("opstartklas-report"),
							"language-course-placement", "tenzin-dolma-tibet.json"),
							new Document("tvs", "raak", DocumentType.of("client-profile"), "handover-coa-municipality",
									"tenzin-dolma-tibet.json"))),
			new Holder("Elif Demir", "tr", "TR", null, "999993057", List.of(), List.of(new Document("tvs", "raak",
					DocumentType.of("client-profile"), "handover-coa-municipality", "elif-demir-turkey.json"))));

	private static Grant grant(String purpose, String from, String to, DocumentType type, Method method) {
		return new Grant(purpose, from, to, type, method, false);
	}

}
