package nl.ketenpoort.adapters.taalschool;

import java.util.List;
import java.util.Set;

import nl.ketenpoort.adapters.mapping.VocabularyMapping;
import nl.ketenpoort.schemas.DocumentType;

/**
 * The opstartklas's JSON: it receives the NT2 learner profile ({@code leerprofiel}) so
 * the learnability test is not taken again, and sends its final report
 * ({@code eindrapportage}).
 */
public final class OpstartklasMapping extends VocabularyMapping {

	/** The partner id. */
	public static final String PARTNER = "opstartklas";

	public OpstartklasMapping() {
		this(PARTNER);
	}

	/**
	 * The opstartklas format as used by one partner system.
	 * @param partner the partner id
	 */
	public OpstartklasMapping(String partner) {
		super(partner,
				List.of(new Format(DocumentType.of("nt2-learner-profile"), "leerprofiel",
						LanguageProviderVocabularies.learnerProfile()),
						new Format(DocumentType.of("opstartklas-report"), "eindrapportage",
								LanguageProviderVocabularies.opstartklasReport())),
				Set.of(DocumentType.of("nt2-learner-profile")), Set.of(DocumentType.of("opstartklas-report")),
				"ontvangstId");
	}

}
